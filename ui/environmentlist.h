#pragma once

#include "config/pipeline.h"
#include "store/records.h"

#include <QWidget>

class QListWidget;
class QLabel;
class QListWidgetItem;
class QPushButton;

namespace DeployDesk {
class HistoryStore;
}

namespace DeployDesk::Ui {

// The sidebar: the workspace's environments, each with the state of its latest run
// (live while one runs), whether it is protected and where it lives, and a Deploy
// button for the selected one. The first row is "no environment" (checks only).
class EnvironmentList final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EnvironmentList)

public:
    explicit EnvironmentList(HistoryStore *store, QWidget *parent = nullptr);

    // Reads the latest runs from `store` from now on (the history has just been opened).
    void setStore(HistoryStore *store);

    // Shows `pipeline`'s environments with their latest runs in `workspace`.
    void setPipeline(const Pipeline &pipeline, const QString &workspace);
    // Re-reads the latest run of every environment (a run ended).
    void refresh();
    // A run for `environment` (empty: none) is live in this state.
    void setLiveStatus(const QString &environment, RunStatus status, bool waitingForApproval);

    QString currentEnvironment() const; // empty: no environment
    void setCurrentEnvironment(const QString &name);
    QStringList environments() const;
    // The status icon's state for tests: the latest run's status, if there is one.
    std::optional<RunStatus> statusOf(const QString &environment) const;
    void setDeployEnabled(bool enabled);
    // The width that shows every entry and the Deploy button whole, in the current language.
    int preferredWidth() const;
    // Why the list shown may be out of date (deploydesk.yml has problems: these are the
    // last valid file's environments), shown above it; empty: it is not.
    void setStaleReason(const QString &reason);
    QString staleReason() const;

signals:
    void currentEnvironmentChanged(const QString &name);
    void deployRequested(const QString &name);

private:
    void updateItem(QListWidgetItem *item);

    HistoryStore *m_store = nullptr;
    Pipeline m_pipeline;
    QString m_workspace;
    QListWidget *m_list = nullptr;
    QPushButton *m_deploy = nullptr;
    QLabel *m_stale = nullptr;
    QHash<QString, RunRecord> m_latest; // by environment
    QString m_liveEnvironment;
    std::optional<RunStatus> m_liveStatus;
    bool m_liveWaiting = false;
    bool m_deployEnabled = true;
};

} // namespace DeployDesk::Ui
