#include "config/envfilereader.h"

#include "config/dotenv.h"
#include "config/messages.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace DeployDesk::Internal {

namespace {

QString fileKind(mode_t mode)
{
    if (S_ISFIFO(mode))
        return msg("a FIFO");
    if (S_ISSOCK(mode))
        return msg("a socket");
    if (S_ISCHR(mode) || S_ISBLK(mode))
        return msg("a device");
    return msg("a special file");
}

} // namespace

QString EnvFileReader::displayPath(const QString &relative) const
{
    const QString dir = QFileInfo(m_diagnostics.file()).path();
    return dir == u"." ? relative : QDir::cleanPath(dir + u'/' + relative);
}

QString EnvFileReader::usedBy(const File &file)
{
    if (file.environments.size() == 1)
        return msg("(env-file of environment \"%1\")").arg(file.environments.first());
    return msg("(env-file of environments %1)")
        .arg(u'"' + file.environments.join(QStringLiteral("\", \"")) + u'"');
}

QList<EnvFileVariable> EnvFileReader::read(const MapEntry &field, const QString &environment)
{
    QList<EnvFileVariable> out;
    const QString what = msg("\"env-file\" of environment \"%1\"").arg(environment);
    if (!field.value.IsScalar() && !field.value.IsSequence()) {
        m_diagnostics.add(field.valueMark(),
                          msg("%1 must be a path relative to the workspace, or a list of such "
                              "paths; found %2")
                              .arg(what, describe(field.value)));
        return out;
    }
    const auto items = readStringList(field, what, m_diagnostics);
    if (!items)
        return out;
    QSet<QString> seen;
    for (const ListItem &item : *items) {
        const QString &path = item.value;
        if (QDir::isAbsolutePath(path) || path.startsWith(u'~')) {
            m_diagnostics.add(item.where, msg("%1 must be a path relative to the workspace; "
                                              "found the absolute path \"%2\"")
                                              .arg(what, path));
            continue;
        }
        if (hasParentComponent(path)) {
            m_diagnostics.add(item.where, msg("%1 must stay inside the workspace; found \"%2\", "
                                              "which contains \"..\"")
                                              .arg(what, path));
            continue;
        }
        const QString clean = QDir::cleanPath(path);
        if (m_workspaceDir.isEmpty() || seen.contains(clean))
            continue;
        seen.insert(clean);

        qsizetype index = m_index.value(clean, -1);
        if (index < 0) {
            const auto bytes = readBytes(item, environment);
            if (!bytes)
                continue;
            index = m_files.size();
            m_index.insert(clean, index);
            m_files.append({displayPath(clean), DotEnv::parse(*bytes), {}});
        }
        File &file = m_files[index];
        if (!file.environments.contains(environment))
            file.environments.append(environment);
        for (const DotEnv::Variable &variable : std::as_const(file.parsed.variables)) {
            out.append({environment, variable.name, variable.value,
                        SourceLocation{file.shownPath, variable.line, variable.column}});
        }
    }
    return out;
}

std::optional<QByteArray> EnvFileReader::readBytes(const ListItem &item, const QString &environment)
{
    const QString &path = item.value;
    const QByteArray native =
        QFile::encodeName(QDir(m_workspaceDir).filePath(QDir::cleanPath(path)));
    auto cannotRead = [&](const QString &reason) {
        m_diagnostics.add(item.where, msg("cannot read env-file \"%1\" of environment \"%2\": "
                                          "%3; check that it is a readable file")
                                          .arg(path, environment, reason));
        return std::nullopt;
    };
    auto notAFile = [&](const QString &what) {
        m_diagnostics.add(item.where, msg("env-file \"%1\" of environment \"%2\" is %3; "
                                          "expected a file of NAME=value lines")
                                          .arg(path, environment, what));
        return std::nullopt;
    };
    auto tooLarge = [&](qint64 size) {
        m_diagnostics.add(item.where, msg("env-file \"%1\" of environment \"%2\" is too large "
                                          "(%3 bytes); an env-file may be at most %4 bytes")
                                          .arg(path, environment, QString::number(size),
                                               QString::number(maxFileSize)));
        return std::nullopt;
    };

    // Look before opening: a FIFO would block a reader, a device could be endless.
    struct stat info = {};
    if (::stat(native.constData(), &info) != 0) {
        const int error = errno;
        if (error != ENOENT && error != ENOTDIR)
            return cannotRead(qt_error_string(error));
        m_diagnostics.add(item.where,
                          msg("env-file \"%1\" of environment \"%2\" does not exist in %3; "
                              "create it or fix the path")
                              .arg(path, environment, QDir::toNativeSeparators(m_workspaceDir)));
        return std::nullopt;
    }
    if (S_ISDIR(info.st_mode))
        return notAFile(msg("a directory"));
    if (!S_ISREG(info.st_mode))
        return notAFile(msg("not a regular file (it is %1)").arg(fileKind(info.st_mode)));
    if (info.st_size > maxFileSize)
        return tooLarge(info.st_size);

    // O_NONBLOCK: should the file have been swapped for a FIFO since stat(), open() still
    // returns at once, and fstat() refuses it.
    const int fd = ::open(native.constData(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    if (fd < 0)
        return cannotRead(qt_error_string(errno));
    struct stat opened = {};
    if (::fstat(fd, &opened) != 0 || !S_ISREG(opened.st_mode)) {
        ::close(fd);
        return notAFile(msg("not a regular file"));
    }
    QFile file;
    if (!file.open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle)) {
        ::close(fd);
        return cannotRead(file.errorString());
    }
    QByteArray data = file.read(maxFileSize + 1);
    if (file.error() != QFileDevice::NoError)
        return cannotRead(file.errorString());
    if (data.size() > maxFileSize)
        return tooLarge(data.size());
    return data;
}

void EnvFileReader::finish(const QHash<QString, QString> &secretUsers)
{
    for (const File &file : std::as_const(m_files)) {
        const QString suffix = usedBy(file);
        for (const DotEnv::Problem &problem : file.parsed.problems) {
            m_diagnostics.add(SourceLocation{file.shownPath, problem.line, problem.column},
                              problem.message + u' ' + suffix);
        }
        for (const DotEnv::Variable &variable : file.parsed.variables) {
            const auto user = secretUsers.constFind(variable.name);
            if (user == secretUsers.cend())
                continue;
            m_diagnostics.add(
                SourceLocation{file.shownPath, variable.line, variable.column},
                msg("\"%1\" is a secret (stage \"%2\" lists it under \"secrets\"); remove it "
                    "from this file and keep it in the secret store: deploydeskctl secrets set "
                    "%1 %3")
                    .arg(variable.name, *user, suffix));
        }
    }
}

} // namespace DeployDesk::Internal
