#pragma once

#include <QMenu>

namespace DeployDesk::Ui {

// "Promote to": one entry per environment of the workspace; choosing one asks to deploy
// the stored artifacts of the chosen run there, without rebuilding. The run's own
// environment is marked, not hidden (promoting there deploys the same artifacts again).
class PromoteMenu final : public QMenu
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PromoteMenu)

public:
    explicit PromoteMenu(QWidget *parent = nullptr);

    void setEnvironments(const QStringList &names);
    QStringList environments() const { return m_environments; }
    // The run the entries act on and the environment it ran in.
    void setRun(qint64 runId, const QString &environment);
    qint64 runId() const { return m_runId; }

signals:
    void promoteRequested(qint64 runId, const QString &environment);

private:
    void rebuild();

    QStringList m_environments;
    qint64 m_runId = 0;
    QString m_runEnvironment;
};

} // namespace DeployDesk::Ui
