#include "deploy/localservice/serviceroot.h"

#include "common/processinfo.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSaveFile>

#include <algorithm>

namespace DeployDesk::LocalService {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("DeployDesk", text);
}

std::optional<QJsonObject> readJson(const QString &file)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QJsonDocument doc = QJsonDocument::fromJson(f.read(1 << 20));
    if (!doc.isObject())
        return std::nullopt;
    return doc.object();
}

QString stamp(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QDateTime parseStamp(const QJsonValue &value)
{
    QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return time.isValid() ? time.toUTC() : time;
}
} // namespace

bool ProcessRecord::isRunning() const
{
    return ProcessInfo::isAlive(pid, startTicks);
}

QJsonObject ProcessRecord::toJson() const
{
    return {{QStringLiteral("pid"), pid},
            {QStringLiteral("startTicks"), startTicks},
            {QStringLiteral("port"), port}};
}

ProcessRecord ProcessRecord::fromJson(const QJsonObject &json)
{
    ProcessRecord r;
    r.pid = json.value(QStringLiteral("pid")).toInteger();
    r.startTicks = json.value(QStringLiteral("startTicks")).toInteger(-1);
    r.port = json.value(QStringLiteral("port")).toInt();
    return r;
}

ServiceRoot::ServiceRoot(QString path)
    : m_path(QDir::cleanPath(std::move(path)))
{}

QString ServiceRoot::activeFile() const
{
    return m_path + QStringLiteral("/active.json");
}

QString ServiceRoot::forwarderFile() const
{
    return m_path + QStringLiteral("/forwarder.json");
}

QString ServiceRoot::forwarderLog() const
{
    return m_path + QStringLiteral("/forwarder.log");
}

QString ServiceRoot::lockFile() const
{
    return m_path + QStringLiteral("/deploy.lock");
}

QString ServiceRoot::releasesDir() const
{
    return m_path + QStringLiteral("/releases");
}

QString ServiceRoot::releaseDir(const QString &id) const
{
    return releasesDir() + QLatin1Char('/') + id;
}

QString ServiceRoot::serviceLog(const QString &id) const
{
    return releaseDir(id) + QStringLiteral("/service.log");
}

Result<void> ServiceRoot::writeJson(const QString &file, const QJsonObject &json) const
{
    if (!QDir().mkpath(QFileInfo(file).absolutePath()))
        return makeError(ErrorCode::Io,
                         tr("cannot create the folder %1").arg(QFileInfo(file).absolutePath()));
    // QSaveFile writes a temporary file and renames it over the old one: a reader (the
    // forwarder) sees the old content or the new, never half of it.
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly) ||
        out.write(QJsonDocument(json).toJson(QJsonDocument::Indented)) < 0 || !out.commit())
        return makeError(ErrorCode::Io, tr("cannot write %1: %2").arg(file, out.errorString()));
    return {};
}

std::optional<ActiveState> ServiceRoot::active() const
{
    const auto json = readJson(activeFile());
    if (!json)
        return std::nullopt;
    ActiveState s;
    s.release = json->value(QStringLiteral("release")).toString();
    s.instance.pid = json->value(QStringLiteral("pid")).toInteger();
    s.instance.startTicks = json->value(QStringLiteral("startTicks")).toInteger(-1);
    s.instance.port = json->value(QStringLiteral("instancePort")).toInt();
    s.port = json->value(QStringLiteral("port")).toInt();
    s.url = json->value(QStringLiteral("url")).toString();
    s.healthPath = json->value(QStringLiteral("healthPath")).toString();
    s.previous = json->value(QStringLiteral("previous")).toString();
    s.since = parseStamp(json->value(QStringLiteral("since")));
    if (s.release.isEmpty())
        return std::nullopt;
    return s;
}

Result<void> ServiceRoot::setActive(const ActiveState &s) const
{
    return writeJson(activeFile(), {{QStringLiteral("release"), s.release},
                                    {QStringLiteral("instancePort"), s.instance.port},
                                    {QStringLiteral("pid"), s.instance.pid},
                                    {QStringLiteral("startTicks"), s.instance.startTicks},
                                    {QStringLiteral("port"), s.port},
                                    {QStringLiteral("url"), s.url},
                                    {QStringLiteral("healthPath"), s.healthPath},
                                    {QStringLiteral("previous"), s.previous},
                                    {QStringLiteral("since"), stamp(s.since)}});
}

Result<void> ServiceRoot::clearActive() const
{
    if (QFile::exists(activeFile()) && !QFile::remove(activeFile()))
        return makeError(ErrorCode::Io, tr("cannot remove %1").arg(activeFile()));
    return {};
}

std::optional<ProcessRecord> ServiceRoot::forwarder() const
{
    const auto json = readJson(forwarderFile());
    if (!json)
        return std::nullopt;
    return ProcessRecord::fromJson(*json);
}

Result<void> ServiceRoot::setForwarder(const ProcessRecord &record) const
{
    return writeJson(forwarderFile(), record.toJson());
}

std::optional<ReleaseInfo> ServiceRoot::release(const QString &id) const
{
    if (id.isEmpty() || !QFileInfo(releaseDir(id)).isDir())
        return std::nullopt;
    ReleaseInfo info;
    info.id = id;
    if (const auto json =
            readJson(releasesDir() + QLatin1Char('/') + id + QStringLiteral(".json"))) {
        info.createdAt = parseStamp(json->value(QStringLiteral("createdAt")));
        info.commit = json->value(QStringLiteral("commit")).toString();
        info.branch = json->value(QStringLiteral("branch")).toString();
        info.runId = json->value(QStringLiteral("runId")).toInteger();
        info.failed = json->value(QStringLiteral("failed")).toBool();
        if (json->value(QStringLiteral("instance")).isObject())
            info.instance =
                ProcessRecord::fromJson(json->value(QStringLiteral("instance")).toObject());
    }
    if (!info.createdAt.isValid())
        info.createdAt = QFileInfo(releaseDir(id)).lastModified().toUTC();
    return info;
}

QList<ReleaseInfo> ServiceRoot::releases() const
{
    QList<ReleaseInfo> all;
    const QStringList dirs =
        QDir(releasesDir()).entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::NoSymLinks);
    for (const QString &id : dirs) {
        if (auto info = release(id))
            all.append(*info);
    }
    std::sort(all.begin(), all.end(), [](const ReleaseInfo &a, const ReleaseInfo &b) {
        return a.createdAt != b.createdAt ? a.createdAt > b.createdAt : a.id > b.id;
    });
    return all;
}

Result<void> ServiceRoot::setRelease(const ReleaseInfo &info) const
{
    QJsonObject json{{QStringLiteral("createdAt"), stamp(info.createdAt)},
                     {QStringLiteral("commit"), info.commit},
                     {QStringLiteral("branch"), info.branch},
                     {QStringLiteral("runId"), info.runId},
                     {QStringLiteral("failed"), info.failed}};
    if (info.instance)
        json.insert(QStringLiteral("instance"), info.instance->toJson());
    return writeJson(releasesDir() + QLatin1Char('/') + info.id + QStringLiteral(".json"), json);
}

Result<void> ServiceRoot::removeRelease(const QString &id) const
{
    QFile::remove(releasesDir() + QLatin1Char('/') + id + QStringLiteral(".json"));
    QDir dir(releaseDir(id));
    if (dir.exists() && !dir.removeRecursively())
        return makeError(ErrorCode::Io, tr("cannot remove the release folder %1").arg(dir.path()));
    return {};
}

QString ServiceRoot::newReleaseId(const QDateTime &now, const QString &commit) const
{
    QString base = now.toUTC().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    static const QRegularExpression hex(QStringLiteral("^[0-9a-fA-F]{7,}$"));
    if (hex.match(commit).hasMatch())
        base += QLatin1Char('-') + commit.left(7).toLower();
    QString id = base;
    for (int n = 2; QFileInfo::exists(releaseDir(id)); ++n)
        id = base + QLatin1Char('-') + QString::number(n);
    return id;
}

QStringList ServiceRoot::serviceLogTail(const QString &id, int count) const
{
    QFile file(serviceLog(id));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const qint64 size = file.size();
    const qint64 from = std::max<qint64>(0, size - 16 * 1024);
    file.seek(from);
    QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
    if (from > 0 && !lines.isEmpty())
        lines.removeFirst(); // a partial line
    while (!lines.isEmpty() && lines.last().trimmed().isEmpty())
        lines.removeLast();
    return lines.mid(std::max<qsizetype>(0, lines.size() - count));
}

} // namespace DeployDesk::LocalService
