#pragma once

#include "common/error.h"
#include "store/logreader.h"
#include "ui/logview/logdocument.h"
#include "ui/logview/loggroups.h"
#include "ui/logview/textmatcher.h"

#include <QLoggingCategory>
#include <QPromise>
#include <QStringList>

#include <functional>
#include <optional>
#include <vector>

Q_DECLARE_LOGGING_CATEGORY(lcLogView)

// The log viewer's long work, run in worker threads (QtConcurrent) so the GUI thread never
// walks millions of lines: each task opens a LogReader of its own on the database path.
// Results come back through onResultReady() (common/async.h) to the model or the viewer; a task
// stops early when its future is cancelled (the document changed, the search text did).
namespace DeployDesk::Ui::Internal {

// Visits the document lines [from, to) in order: visit(index, stage, line) returns false
// to stop. One forward cursor per stage, so an interleaved document costs no more than
// reading each stage once.
Result<void> forEachLine(const LogReader &reader, const LogDocument &doc, qint64 from, qint64 to,
                         const std::function<bool(qint64, int, const LogLineView &)> &visit);

struct SearchResult
{
    qint64 from = 0;
    qint64 to = 0;            // the document indexes searched: [from, to)
    std::vector<qint64> hits; // document index of each occurrence, in order
    std::optional<Error> error;
};
void searchLines(QPromise<SearchResult> &promise, const QString &databasePath,
                 const LogDocument &doc, qint64 from, qint64 to, const TextMatcher &matcher);

// The document index of each occurrence, in order, kept as the searches' parts found them:
// a part is taken over, not copied. A word on every line of a 2,000,000-line log is 16 MB
// of hits; joined into one vector on the GUI thread, the two halves of a split search
// stalled the event loop 50-60 ms (docs/benchmarks.md §4). Small parts (a followed log's
// new lines) go into the last part while it stays small (a copy of at most 512 KB).
class SearchHits final
{
public:
    bool empty() const { return size() == 0; }
    qsizetype size() const { return m_ends.empty() ? 0 : m_ends.back(); }
    void clear();
    void append(std::vector<qint64> &&hits);
    // The i-th hit, 0 <= i < size().
    qint64 operator[](qsizetype i) const;
    // The place of the first hit at or after document index `index`, or size().
    qsizetype lowerBound(qint64 index) const;

private:
    static constexpr size_t kSmallPart = 65536;
    std::vector<std::vector<qint64>> m_parts;
    std::vector<qsizetype> m_ends; // per part, the hits up to its end
};

// "Jump to first error": the first line of the strongest kind FirstErrorFinder
// (core/log/errorclassifier.h) knows, so a tool's error shape wins over a warning that
// mentions an error and over a summary of failures.
struct FirstErrorResult
{
    qint64 to = 0;     // searched [from, to)
    qint64 index = -1; // document index, -1: none
    std::optional<Error> error;
};
void findFirstError(QPromise<FirstErrorResult> &promise, const QString &databasePath,
                    const LogDocument &doc, qint64 from, qint64 to);

struct GroupScanResult
{
    GroupIndex groups; // `start` continued up to the line scanned
    std::optional<Error> error;
};
void scanGroups(QPromise<GroupScanResult> &promise, const QString &databasePath, qint64 stageId,
                const GroupIndex &start, qint64 toLine);

struct MergeResult
{
    LogDocument doc;
    QList<qint64> counts; // lines of each stage now in doc
    std::optional<Error> error;
};
// Extends `doc` with the lines of each stage after counts[s] up to toCounts[s], ordered by
// timestamp, then stage position, then line number.
void mergeStages(QPromise<MergeResult> &promise, const QString &databasePath,
                 const LogDocument &doc, const QList<qint64> &counts,
                 const QList<qint64> &toCounts);

struct SaveOptions
{
    bool timestamps = false;
    QStringList stageNames; // prefixed to each line when the document interleaves stages
};
struct SaveResult
{
    qint64 lines = 0;
    std::optional<Error> error;
};
// Writes the document's lines without ANSI escapes through a QSaveFile: the destination
// changes only once everything was written. Reports progress in 0..1000.
void saveLines(QPromise<SaveResult> &promise, const QString &databasePath, const LogDocument &doc,
               const QString &fileName, const SaveOptions &options);

} // namespace DeployDesk::Ui::Internal
