#include "ui/logview/logscan.h"

#include "log/ansiparser.h"
#include "log/errorclassifier.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSaveFile>

#include <memory>
#include <utility>

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

Q_LOGGING_CATEGORY(lcLogView, "deploydesk.ui.logview", QtWarningMsg)

namespace DeployDesk::Ui::Internal {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("DeployDesk", text);
}

// The stripped text of a line without copying when it holds no ESC (the common case).
struct Stripped
{
    QByteArray storage;
    QByteArrayView view;
};
inline void strip(QByteArrayView text, Stripped *out)
{
    if (!text.contains('\x1b')) {
        out->view = text;
        return;
    }
    out->storage = AnsiParser::strip(text);
    out->view = out->storage;
}

// Scans yield to the GUI thread: on a machine with few cores, a scan of millions of lines
// competing at equal priority makes the window stutter. Linux applies nice per thread.
void yieldToTheGuiThread()
{
    thread_local bool lowered = false;
    if (!std::exchange(lowered, true))
        setpriority(PRIO_PROCESS, pid_t(syscall(SYS_gettid)), 10);
}

Result<std::unique_ptr<LogReader>> openReader(const QString &path)
{
    yieldToTheGuiThread(); // every task starts here
    auto reader = LogReader::open(path);
    if (!reader)
        qCWarning(lcLogView) << "cannot open the log for reading:" << reader.error().message;
    return reader;
}

} // namespace

Result<void> forEachLine(const LogReader &reader, const LogDocument &doc, qint64 from, qint64 to,
                         const std::function<bool(qint64, int, const LogLineView &)> &visit)
{
    to = std::min(to, doc.lineCount());
    if (from >= to)
        return {};
    std::vector<std::unique_ptr<LogReader::Cursor>> cursors(doc.stageIds().size());
    std::vector<qint64> nextLine(doc.stageIds().size(), 0);
    LogLineView line;
    for (qsizetype s = doc.segmentAt(from); s >= 0 && s < qsizetype(doc.segments().size()); ++s) {
        const LogDocument::Segment &seg = doc.segments()[s];
        if (seg.firstIndex >= to)
            break;
        const qint64 begin = std::max(from, seg.firstIndex);
        const qint64 end = std::min(to, seg.firstIndex + doc.segmentLength(s));
        const qint64 firstLine = seg.firstLine + (begin - seg.firstIndex);
        auto &cursor = cursors[seg.stage];
        if (!cursor || nextLine[seg.stage] != firstLine) {
            cursor.reset();
            auto opened = reader.cursor(doc.stageIds()[seg.stage], firstLine);
            if (!opened)
                return std::unexpected(opened.error());
            cursor = std::move(*opened);
        }
        for (qint64 index = begin; index < end; ++index) {
            if (!cursor->next(&line)) {
                if (cursor->error())
                    return std::unexpected(*cursor->error());
                return makeError(ErrorCode::NotFound, tr("the log of stage %1 ends before line %2")
                                                          .arg(doc.stageIds()[seg.stage])
                                                          .arg(firstLine + (index - begin)));
            }
            if (!visit(index, seg.stage, line))
                return {};
        }
        nextLine[seg.stage] = firstLine + (end - begin);
    }
    return {};
}

void SearchHits::clear()
{
    m_parts.clear();
    m_ends.clear();
}

void SearchHits::append(std::vector<qint64> &&hits)
{
    if (hits.empty())
        return;
    const qsizetype total = size() + qsizetype(hits.size());
    if (!m_parts.empty() && m_parts.back().size() + hits.size() <= kSmallPart) {
        m_parts.back().insert(m_parts.back().end(), hits.begin(), hits.end());
        m_ends.back() = total;
        return;
    }
    m_parts.push_back(std::move(hits));
    m_ends.push_back(total);
}

qint64 SearchHits::operator[](qsizetype i) const
{
    Q_ASSERT(i >= 0 && i < size());
    const size_t part = size_t(std::upper_bound(m_ends.begin(), m_ends.end(), i) - m_ends.begin());
    const qsizetype start = part == 0 ? 0 : m_ends[part - 1];
    return m_parts[part][size_t(i - start)];
}

qsizetype SearchHits::lowerBound(qint64 index) const
{
    for (size_t part = 0; part < m_parts.size(); ++part) {
        const std::vector<qint64> &hits = m_parts[part];
        if (hits.back() < index)
            continue;
        const qsizetype start = part == 0 ? 0 : m_ends[part - 1];
        return start + (std::lower_bound(hits.begin(), hits.end(), index) - hits.begin());
    }
    return size();
}

void searchLines(QPromise<SearchResult> &promise, const QString &databasePath,
                 const LogDocument &doc, qint64 from, qint64 to, const TextMatcher &matcher)
{
    SearchResult result;
    result.from = from;
    result.to = std::min(to, doc.lineCount());
    auto reader = openReader(databasePath);
    if (!reader) {
        result.error = reader.error();
        promise.addResult(std::move(result));
        return;
    }
    Stripped stripped;
    qint64 seen = 0;
    auto done = forEachLine(**reader, doc, from, result.to,
                            [&](qint64 index, int, const LogLineView &line) {
                                strip(line.text, &stripped);
                                for (int n = matcher.count(stripped.view); n > 0; --n)
                                    result.hits.push_back(index);
                                return (++seen & 0xfff) || !promise.isCanceled();
                            });
    if (!done)
        result.error = done.error();
    promise.addResult(std::move(result));
}

void findFirstError(QPromise<FirstErrorResult> &promise, const QString &databasePath,
                    const LogDocument &doc, qint64 from, qint64 to)
{
    FirstErrorResult result;
    result.to = std::min(to, doc.lineCount());
    auto reader = openReader(databasePath);
    if (!reader) {
        result.error = reader.error();
        promise.addResult(std::move(result));
        return;
    }
    Stripped stripped;
    qint64 seen = 0;
    FirstErrorFinder finder; // the same rule as the CLI's failure summary and reports
    auto done = forEachLine(**reader, doc, from, result.to,
                            [&](qint64 index, int, const LogLineView &line) {
                                strip(line.text, &stripped);
                                if (!finder.feed(index, line.stream, stripped.view))
                                    return false;
                                return (++seen & 0xfff) || !promise.isCanceled();
                            });
    if (!done)
        result.error = done.error();
    else if (const auto found = finder.index())
        result.index = *found;
    promise.addResult(std::move(result));
}

void scanGroups(QPromise<GroupScanResult> &promise, const QString &databasePath, qint64 stageId,
                const GroupIndex &start, qint64 toLine)
{
    GroupScanResult result;
    result.groups = start;
    auto reader = openReader(databasePath);
    if (!reader) {
        result.error = reader.error();
        promise.addResult(std::move(result));
        return;
    }
    LogDocument doc({stageId});
    doc.append(0, 1, toLine);
    Stripped stripped;
    auto done = forEachLine(**reader, doc, start.scannedTo(), toLine,
                            [&](qint64 index, int, const LogLineView &line) {
                                // Only lines that may be markers need stripping.
                                if (line.text.contains(':') || line.text.contains('#')) {
                                    strip(line.text, &stripped);
                                    result.groups.feed(index + 1, stripped.view);
                                }
                                result.groups.setScannedTo(index + 1);
                                return (index & 0xfff) || !promise.isCanceled();
                            });
    if (!done)
        result.error = done.error();
    promise.addResult(std::move(result));
}

void mergeStages(QPromise<MergeResult> &promise, const QString &databasePath,
                 const LogDocument &doc, const QList<qint64> &counts, const QList<qint64> &toCounts)
{
    MergeResult result;
    result.doc = doc;
    result.counts = counts;
    auto reader = openReader(databasePath);
    if (!reader) {
        result.error = reader.error();
        promise.addResult(std::move(result));
        return;
    }
    const qsizetype n = doc.stageIds().size();
    struct Head
    {
        std::unique_ptr<LogReader::Cursor> cursor;
        LogLineView line;
        bool valid = false;
    };
    std::vector<Head> heads(n);
    auto advance = [&](qsizetype s) {
        Head &h = heads[s];
        h.valid = result.counts[s] < toCounts[s] && h.cursor->next(&h.line);
        if (!h.valid && h.cursor->error() && !result.error)
            result.error = h.cursor->error();
    };
    for (qsizetype s = 0; s < n; ++s) {
        auto cursor = (*reader)->cursor(doc.stageIds()[s], counts[s] + 1);
        if (!cursor) {
            result.error = cursor.error();
            promise.addResult(std::move(result));
            return;
        }
        heads[s].cursor = std::move(*cursor);
        advance(s);
    }
    for (qint64 merged = 1;; ++merged) {
        qsizetype best = -1;
        for (qsizetype s = 0; s < n; ++s) {
            if (heads[s].valid &&
                (best < 0 || heads[s].line.timestampMs < heads[best].line.timestampMs))
                best = s; // ties keep the earlier stage; within a stage lines stay in order
        }
        if (best < 0)
            break;
        result.doc.append(int(best), heads[best].line.number, 1);
        result.counts[best] = heads[best].line.number;
        advance(best);
        if (!(merged & 0xfff) && promise.isCanceled())
            break;
    }
    promise.addResult(std::move(result));
}

void saveLines(QPromise<SaveResult> &promise, const QString &databasePath, const LogDocument &doc,
               const QString &fileName, const SaveOptions &options)
{
    SaveResult result;
    promise.setProgressRange(0, 1000);
    auto reader = openReader(databasePath);
    if (!reader) {
        result.error = reader.error();
        promise.addResult(std::move(result));
        return;
    }
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly)) {
        result.error = Error{ErrorCode::Io,
                             tr("cannot write the log to %1: %2; choose a folder you can write "
                                "to")
                                 .arg(fileName, file.errorString()),
                             {},
                             std::nullopt};
        promise.addResult(std::move(result));
        return;
    }
    const bool stagePrefix = doc.stageIds().size() > 1;
    const qint64 total = std::max<qint64>(doc.lineCount(), 1);
    QByteArray buffer;
    qint64 lastSecond = std::numeric_limits<qint64>::min();
    QByteArray secondText;
    Stripped stripped;
    bool writeFailed = false;
    auto done = forEachLine(
        **reader, doc, 0, doc.lineCount(), [&](qint64 index, int stage, const LogLineView &line) {
            if (options.timestamps) {
                const qint64 second = line.timestampMs / 1000 - (line.timestampMs % 1000 < 0);
                if (second != lastSecond) {
                    lastSecond = second;
                    secondText = QDateTime::fromSecsSinceEpoch(second)
                                     .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                                     .toUtf8();
                }
                buffer += secondText;
                buffer += '.';
                buffer += QByteArray::number(1000 + (line.timestampMs - second * 1000)).sliced(1);
                buffer += ' ';
            }
            if (stagePrefix) {
                buffer += options.stageNames.value(stage).toUtf8();
                buffer += " | ";
            }
            strip(line.text, &stripped);
            buffer += stripped.view;
            buffer += '\n';
            ++result.lines;
            if (buffer.size() >= (1 << 20)) {
                if (file.write(buffer) != buffer.size()) {
                    writeFailed = true;
                    return false;
                }
                buffer.clear();
                promise.setProgressValue(int(index * 1000 / total));
                return !promise.isCanceled();
            }
            return true;
        });
    if (!done) {
        result.error = done.error();
    } else if (promise.isCanceled() && !writeFailed) {
        file.cancelWriting();
    } else if (writeFailed || file.write(buffer) != buffer.size() || !file.commit()) {
        const QString why = file.errorString();
        file.cancelWriting();
        result.error = Error{
            ErrorCode::Io,
            tr("cannot write the log to %1: %2; the file was left as it was").arg(fileName, why),
            {},
            std::nullopt};
    }
    promise.setProgressValue(1000);
    promise.addResult(std::move(result));
}

} // namespace DeployDesk::Ui::Internal
