#pragma once

#include <QObject>
#include <QSocketNotifier>

#include <memory>

namespace DeployDesk::Cli {

// Turns SIGINT, SIGTERM and SIGHUP into a Qt signal (self-pipe), so a run can be
// cancelled by Ctrl+C or by `deploydeskctl cancel` from another terminal.
class SignalWatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignalWatcher)

public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

signals:
    void received(int signal);

private:
    std::unique_ptr<QSocketNotifier> m_notifier;
};

} // namespace DeployDesk::Cli
