#include "promotemenu.h"

namespace DeployDesk::Ui {

PromoteMenu::PromoteMenu(QWidget *parent)
    : QMenu(parent)
{
    setObjectName(QStringLiteral("promoteMenu"));
    setTitle(tr("&Promote to"));
    rebuild();
}

void PromoteMenu::setEnvironments(const QStringList &names)
{
    m_environments = names;
    rebuild();
}

void PromoteMenu::setRun(qint64 runId, const QString &environment)
{
    if (runId == m_runId && environment == m_runEnvironment)
        return;
    m_runId = runId;
    m_runEnvironment = environment;
    rebuild();
}

void PromoteMenu::rebuild()
{
    clear();
    for (int i = 0; i < m_environments.size(); ++i) {
        const QString env = m_environments.at(i);
        const QString text = env == m_runEnvironment ? tr("%1 (again)").arg(env) : env;
        QAction *a = addAction(QStringLiteral("&%1 %2").arg(i + 1).arg(text));
        a->setData(env);
        a->setEnabled(m_runId > 0);
        connect(a, &QAction::triggered, this, [this, env] {
            if (m_runId > 0)
                emit promoteRequested(m_runId, env);
        });
    }
    if (m_environments.isEmpty())
        addAction(tr("No environments"))->setEnabled(false);
}

} // namespace DeployDesk::Ui
