#pragma once

#include "common/error.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace DeployDesk::LocalSite {

// What DeployDesk remembers of one published copy of the site (a release, or the
// latest preview of a branch): kept as meta/releases/<id>.json or
// meta/previews/<branch>.json under the deploy root.
struct ReleaseInfo
{
    QString id;          // the release id: 20261129T231502Z-42
    QDateTime createdAt; // UTC
    qint64 runId = 0;
    QString commit;
    QString sourceBranch; // as git names it
    bool preview = false;
    QString folder; // the preview's folder under previews/ (the sanitised branch)
    QString url;    // where it answers; may be empty
    qint64 files = 0;
    qint64 bytes = 0;
    qint64 copied = 0; // files copied by the deploy that made it
    qint64 linked = 0; // files hard-linked from the release before it

    QByteArray toJson() const;
    static Result<ReleaseInfo> fromJson(const QByteArray &json);
    Result<void> write(const QString &fileName) const;
    // NotFound when there is no such file.
    static Result<ReleaseInfo> read(const QString &fileName);
    // The time a release id starts with (an id without a summary still sorts).
    static QDateTime timeOfId(const QString &id);

    Q_DECLARE_TR_FUNCTIONS(ReleaseInfo) // last: it ends in "private:"
};

} // namespace DeployDesk::LocalSite
