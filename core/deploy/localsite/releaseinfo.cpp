#include "deploy/localsite/releaseinfo.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace DeployDesk::LocalSite {
QByteArray ReleaseInfo::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("format"), 1);
    o.insert(QStringLiteral("id"), id);
    o.insert(QStringLiteral("createdAt"), createdAt.toUTC().toString(Qt::ISODateWithMs));
    o.insert(QStringLiteral("runId"), runId);
    o.insert(QStringLiteral("commit"), commit);
    o.insert(QStringLiteral("branch"), sourceBranch);
    o.insert(QStringLiteral("preview"), preview);
    o.insert(QStringLiteral("folder"), folder);
    o.insert(QStringLiteral("url"), url);
    o.insert(QStringLiteral("files"), files);
    o.insert(QStringLiteral("bytes"), bytes);
    o.insert(QStringLiteral("copied"), copied);
    o.insert(QStringLiteral("linked"), linked);
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

Result<ReleaseInfo> ReleaseInfo::fromJson(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (!document.isObject())
        return makeError(ErrorCode::Io,
                         tr("not a release summary: %1").arg(parseError.errorString()));
    const QJsonObject o = document.object();
    ReleaseInfo info;
    info.id = o.value(QStringLiteral("id")).toString();
    info.createdAt =
        QDateTime::fromString(o.value(QStringLiteral("createdAt")).toString(), Qt::ISODateWithMs)
            .toUTC();
    info.runId = o.value(QStringLiteral("runId")).toInteger();
    info.commit = o.value(QStringLiteral("commit")).toString();
    info.sourceBranch = o.value(QStringLiteral("branch")).toString();
    info.preview = o.value(QStringLiteral("preview")).toBool();
    info.folder = o.value(QStringLiteral("folder")).toString();
    info.url = o.value(QStringLiteral("url")).toString();
    info.files = o.value(QStringLiteral("files")).toInteger();
    info.bytes = o.value(QStringLiteral("bytes")).toInteger();
    info.copied = o.value(QStringLiteral("copied")).toInteger();
    info.linked = o.value(QStringLiteral("linked")).toInteger();
    if (info.id.isEmpty())
        return makeError(ErrorCode::Io, tr("a release summary without an id"));
    return info;
}

Result<void> ReleaseInfo::write(const QString &fileName) const
{
    QSaveFile file(fileName);
    const QByteArray json = toJson();
    if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size() || !file.commit())
        return makeError(ErrorCode::Io,
                         tr("cannot write %1: %2").arg(fileName, file.errorString()));
    return {};
}

Result<ReleaseInfo> ReleaseInfo::read(const QString &fileName)
{
    QFile file(fileName);
    if (!file.exists())
        return makeError(ErrorCode::NotFound, tr("no release summary at %1").arg(fileName));
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io, tr("cannot read %1: %2").arg(fileName, file.errorString()));
    auto info = fromJson(file.readAll());
    if (!info)
        info.error().message = fileName + QStringLiteral(": ") + info.error().message;
    return info;
}

QDateTime ReleaseInfo::timeOfId(const QString &id)
{
    QDateTime time = QDateTime::fromString(id.left(16), QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
    time.setTimeSpec(Qt::UTC);
    return time;
}

} // namespace DeployDesk::LocalSite
