#pragma once

#include "deploy/deploytarget.h"

#include <QPointer>
#include <QUrl>

#include <chrono>

namespace DeployDesk::LocalSite {

// local-site's health(): the release folder has its index page, and when there is a URL,
// a GET of it answers 200.
class SiteHealthJob final : public TargetJob
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SiteHealthJob)

public:
    // `timeout`: how long the GET may go without an answer ("no answer within 10s").
    SiteHealthJob(QString indexFile, QUrl url, QObject *parent = nullptr,
                  std::chrono::milliseconds timeout = std::chrono::seconds(10));
    ~SiteHealthJob() override;

protected:
    void doStart() override;
    void doCancel() override;

private:
    QString m_indexFile;
    QUrl m_url;
    std::chrono::milliseconds m_timeout;
    QPointer<Job> m_get;
};

} // namespace DeployDesk::LocalSite
