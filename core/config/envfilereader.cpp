#include "config/envfilereader.h"

#include "common/regularfile.h"
#include "config/dotenv.h"
#include "config/messages.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>

namespace DeployDesk::Internal {

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

    auto data = readRegularFile(QFile::decodeName(native), maxFileSize);
    if (data)
        return *data;
    const FileProblem &problem = data.error();
    switch (problem.kind) {
    case FileProblem::Kind::Missing:
        m_diagnostics.add(item.where,
                          msg("env-file \"%1\" of environment \"%2\" does not exist in %3; "
                              "create it or fix the path")
                              .arg(path, environment, QDir::toNativeSeparators(m_workspaceDir)));
        return std::nullopt;
    case FileProblem::Kind::Directory:
        return notAFile(msg("a directory"));
    case FileProblem::Kind::NotRegular:
        return notAFile(msg("not a regular file (it is %1)").arg(problem.fileKind));
    case FileProblem::Kind::TooLarge:
        return tooLarge(problem.size);
    case FileProblem::Kind::Unreadable:
        break;
    }
    return cannotRead(problem.reason);
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
