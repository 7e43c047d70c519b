#include "common/logging.h"

Q_LOGGING_CATEGORY(lcConfig, "deploydesk.core.config", QtWarningMsg)
Q_LOGGING_CATEGORY(lcProcess, "deploydesk.core.process", QtWarningMsg)
Q_LOGGING_CATEGORY(lcEngine, "deploydesk.core.engine", QtWarningMsg)
Q_LOGGING_CATEGORY(lcStore, "deploydesk.core.store", QtWarningMsg)
Q_LOGGING_CATEGORY(lcSecrets, "deploydesk.core.secrets", QtWarningMsg)
Q_LOGGING_CATEGORY(lcNet, "deploydesk.core.net", QtWarningMsg)
Q_LOGGING_CATEGORY(lcUi, "deploydesk.ui", QtWarningMsg)
