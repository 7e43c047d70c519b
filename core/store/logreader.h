#pragma once

#include "common/error.h"
#include "log/logline.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <memory>

namespace DeployDesk {

// One stored block of a stage's log, decoded.
struct LogBlock
{
    qint64 firstLine = 0; // 1-based
    QList<LogLine> lines;
    qint64 lastLine() const { return firstLine + lines.size() - 1; }
};

// A line seen by a cursor: `text` points into the cursor's current block and stays valid
// until the cursor moves on. Nothing is allocated per line, which is what makes scanning
// millions of lines (search, counting, saving) fast.
struct LogLineView
{
    qint64 number = 0; // 1-based within the stage
    qint64 timestampMs = 0;
    LogStream stream = LogStream::Stdout;
    QByteArrayView text; // ANSI escapes kept
};

// A read-only view of the log blocks of the history database, by path. It opens a
// connection of its own, which belongs to the thread that called open(): create one per
// thread (the GUI thread for visible lines, each worker for its scan). WAL mode lets it
// read while the writer thread commits.
class LogReader final
{
    Q_DISABLE_COPY_MOVE(LogReader)

public:
    static Result<std::unique_ptr<LogReader>> open(const QString &databasePath);
    ~LogReader();

    QString databasePath() const { return m_path; }

    // The number of lines of a stage's log (0 when it has none yet). One index probe.
    Result<qint64> lineCount(qint64 stageId) const;
    // The block holding `line` (1-based); NotFound past the end.
    Result<LogBlock> blockAt(qint64 stageId, qint64 line) const;

    // Reads a stage's lines in order from `fromLine`, block by block, through one
    // forward-only statement. Several cursors (on several stages) may be open at once.
    class Cursor final
    {
        Q_DISABLE_COPY_MOVE(Cursor)

    public:
        ~Cursor();
        // The next line, or false at the end of what is stored (or on error()).
        bool next(LogLineView *line);
        const std::optional<Error> &error() const { return m_error; }

    private:
        friend class LogReader;
        struct Private;
        explicit Cursor(std::unique_ptr<Private> d);
        bool loadBlock();
        std::unique_ptr<Private> d;
        std::optional<Error> m_error;
    };
    Result<std::unique_ptr<Cursor>> cursor(qint64 stageId, qint64 fromLine) const;

private:
    LogReader(QString path, QString connectionName);

    QString m_path;
    QString m_connectionName;
};

} // namespace DeployDesk
