#include "secrets/secretindex.h"
#include "common/translate.h"

#include "common/logging.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace DeployDesk::Internal {

namespace {

constexpr int kIndexVersion = 1;
constexpr auto kOwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

} // namespace

QStringList SecretIndex::names() const
{
    QFile file(m_path);
    if (!file.exists())
        return {};
    if (!file.open(QIODevice::ReadOnly)) {
        qCWarning(lcSecrets) << "cannot read the secret index" << m_path << file.errorString();
        return {};
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!doc.isObject() || !doc.object().value(QLatin1String("names")).isArray()) {
        qCWarning(lcSecrets) << "the secret index" << m_path
                             << "is not a JSON object with a \"names\" array:"
                             << parseError.errorString();
        return {};
    }
    QStringList result;
    const QJsonArray array = doc.object().value(QLatin1String("names")).toArray();
    for (const QJsonValue &value : array) {
        if (value.isString() && !result.contains(value.toString()))
            result.append(value.toString());
    }
    result.sort();
    return result;
}

Result<void> SecretIndex::add(const QString &name)
{
    QStringList current = names();
    if (current.contains(name))
        return {};
    current.append(name);
    return write(std::move(current));
}

Result<void> SecretIndex::remove(const QString &name)
{
    QStringList current = names();
    if (!current.removeAll(name))
        return {};
    return write(std::move(current));
}

Result<void> SecretIndex::write(QStringList names) const
{
    names.sort();
    const QString dir = QFileInfo(m_path).absolutePath();
    if (!QDir().mkpath(dir)) {
        return makeError(ErrorCode::Io,
                         tr("cannot create the folder %1 for the secret index: check that it is "
                            "writable")
                             .arg(QDir::toNativeSeparators(dir)));
    }

    QJsonObject root;
    root.insert(QLatin1String("version"), kIndexVersion);
    root.insert(QLatin1String("names"), QJsonArray::fromStringList(names));

    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly)) {
        return makeError(ErrorCode::Io,
                         tr("cannot write the secret index %1: %2")
                             .arg(QDir::toNativeSeparators(m_path), file.errorString()));
    }
    // Restrict the temporary file before any byte lands in it; commit() keeps the mode.
    file.setPermissions(kOwnerOnly);
    file.write(QJsonDocument(root).toJson(QJsonDocument::Indented));
    if (!file.commit()) {
        return makeError(ErrorCode::Io,
                         tr("cannot write the secret index %1: %2")
                             .arg(QDir::toNativeSeparators(m_path), file.errorString()));
    }
    QFile::setPermissions(m_path, kOwnerOnly);
    return {};
}

} // namespace DeployDesk::Internal
