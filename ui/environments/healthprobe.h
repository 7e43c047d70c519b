#pragma once

#include <QHash>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <chrono>

class QNetworkReply;

namespace DeployDesk::Ui {

// Asks each URL it is given whether it answers: one GET, never blocking, given up after
// the timeout (5 s). Up is an answer below 400 (after redirects); anything else, or no
// answer in time, is down. A new check of a URL replaces the one in flight.
class HealthProbe final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HealthProbe)

public:
    enum class State { Unknown, Checking, Up, Down };

    explicit HealthProbe(QObject *parent = nullptr);
    ~HealthProbe() override;

    void setTimeout(std::chrono::milliseconds timeout);
    void check(const QUrl &url);
    void cancelAll();
    State state(const QUrl &url) const { return m_states.value(url, State::Unknown); }

signals:
    // `detail`: "HTTP 200", "connection refused", "no answer within 5 s" ...
    void checked(const QUrl &url, DeployDesk::Ui::HealthProbe::State state, const QString &detail);

private:
    void finished(QNetworkReply *reply, const QUrl &url);
    void discard(QNetworkReply *reply);

    QNetworkAccessManager m_network;
    std::chrono::milliseconds m_timeout{5000};
    QHash<QUrl, QPointer<QNetworkReply>> m_inFlight;
    QHash<QUrl, State> m_states;
};

} // namespace DeployDesk::Ui
