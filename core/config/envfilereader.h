#pragma once

#include "config/dotenv.h"
#include "config/yamlsupport.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace DeployDesk::Internal {

// One variable read from an env-file, with where it was written (in the env-file).
struct EnvFileVariable
{
    QString environment; // that names the file
    QString name;
    QString value;
    SourceLocation where;
};

// Reads the `env-file:` of the environments of one pipeline: one path or a list of paths
// relative to the workspace. A path that is absolute, leaves the workspace, is missing,
// is not a regular file (a directory, a FIFO: refused without being opened for reading)
// or is too large is reported at the `env-file` value in deploydesk.yml. Each file is
// read once, however many environments name it; the problems inside it are reported by
// finish(), at their own file:line:column, naming the environments that use it.
// `workspaceDir` empty: nothing is read (editors and tests without a workspace).
class EnvFileReader final
{
public:
    EnvFileReader(DiagnosticList &diagnostics, QString workspaceDir)
        : m_diagnostics(diagnostics)
        , m_workspaceDir(std::move(workspaceDir))
    {}

    // The variables of every file `field` names for `environment`, in order (a later
    // file wins when they are merged).
    QList<EnvFileVariable> read(const MapEntry &field, const QString &environment);

    // Once the whole pipeline is read: reports the problems inside the files, and every
    // variable whose name is a secret (`secretUsers`: secret -> the first stage that lists
    // it), without its value.
    void finish(const QHash<QString, QString> &secretUsers);

    static constexpr qint64 maxFileSize = 1024 * 1024;

private:
    struct File
    {
        QString shownPath; // what diagnostics name: next to deploydesk.yml
        DotEnv::Result parsed;
        QStringList environments; // that name it, in file order
    };

    // The file's content, or nullopt after reporting why it cannot be read at `item`.
    std::optional<QByteArray> readBytes(const ListItem &item, const QString &environment);
    QString displayPath(const QString &relative) const;
    static QString usedBy(const File &file); // `(env-file of environment "x")`

    DiagnosticList &m_diagnostics;
    QString m_workspaceDir;
    QList<File> m_files;               // in the order first read
    QHash<QString, qsizetype> m_index; // clean relative path -> m_files index
};

} // namespace DeployDesk::Internal
