#pragma once

#include "log/ansiparser.h"
#include "log/logline.h"
#include "ui/logview/logdocument.h"
#include "ui/logview/loggroups.h"

#include <QAbstractTableModel>
#include <QFuture>
#include <QList>
#include <QThreadPool>
#include <QTimer>

#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace DeployDesk {
class LogReader;
}

namespace DeployDesk::Ui {

struct LogStageRef
{
    qint64 id = 0;
    QString name;
};

// The stored log of a run as rows, read from the history database as the view asks: a
// small LRU cache of decoded blocks around what is visible, never the whole log.
// Per-stage: one row per line, minus the lines of collapsed groups. All stages: the lines
// of every stage interleaved by time, ordered by a worker; until that order is ready the
// model shows the stages one after the other (isOrdering()), then resets once.
// Live: a timer polls the line counts (one index probe per stage) and appends rows.
class LogModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogModel)

public:
    enum Column { LineColumn, TimeColumn, StageColumn, TextColumn, ColumnCount };
    enum Role {
        LineRole = Qt::UserRole + 1, // 1-based document line (qint64)
        StageIdRole,
        StageLineRole,  // 1-based line within its stage
        TimestampRole,  // ms since the epoch (qint64)
        StreamRole,     // int(LogStream)
        SpansRole,      // QList<StyledSpan> over the display text
        GroupRole,      // GroupState
        GroupDepthRole, // nesting depth of a group header
    };
    enum GroupState { NoGroup, ExpandedGroup, CollapsedGroup, OpenGroup };
    static constexpr int kCacheBlocks = 128;
    static constexpr int kPollIntervalMs = 200;

    explicit LogModel(const QString &databasePath, QObject *parent = nullptr);
    ~LogModel() override;

    // Stages in pipeline order; `stageId` 0 shows all of them interleaved.
    void setStages(const QList<LogStageRef> &stages, qint64 stageId = 0);
    void addStage(const LogStageRef &stage);
    void showStage(qint64 stageId);
    qint64 shownStage() const { return m_shownStage; }
    bool isInterleaved() const { return m_shownStage == 0; }
    bool isOrdering() const { return m_ordering; }
    void setLive(bool live);
    bool isLive() const { return m_pollTimer.isActive(); }
    // Polls the line counts now (the live timer calls it).
    void poll();

    QString databasePath() const { return m_path; }
    // Reads `databasePath` from now on (the history was opened after the model was made).
    void setDatabasePath(const QString &databasePath);
    const Internal::LogDocument &document() const { return m_doc; }
    QStringList stageNames() const;     // of the document's stages, in its order
    QString stageName(int stage) const; // by index into document().stageIds()
    QString lastError() const { return m_error; }

    // Rows and document indexes (0-based document lines).
    qint64 documentIndex(int row) const;
    // The row showing a document index; -1 when a collapsed group hides it, unless
    // `reveal`, which expands the groups around it first.
    int rowForIndex(qint64 index, bool reveal = false);
    bool setGroupCollapsed(int row, bool collapsed);
    bool toggleGroup(int row);
    // The row's text without escapes (what Copy puts on the clipboard).
    QString plainText(int row) const;

    struct RowData
    {
        qint64 index = -1; // document index
        int stage = -1;
        qint64 line = 0; // within the stage
        qint64 timestampMs = 0;
        LogStream stream = LogStream::Stdout;
        QString text; // escapes removed; a group header shows its title only
        QList<StyledSpan> spans;
        GroupState group = NoGroup;
        int depth = 0;
    };
    RowData rowData(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

signals:
    void documentReset();                                 // line numbers now mean other lines
    void linesAppended(qint64 oldCount, qint64 newCount); // document indexes [old, new)
    void orderingChanged(bool ordering);
    void groupsChanged();
    void errorOccurred(const QString &message);

private:
    struct Rendered
    {
        bool done = false;
        QString text;
        QList<StyledSpan> spans;
    };
    struct CachedBlock
    {
        qint64 firstLine = 0;
        QList<LogLine> lines;
        std::vector<Rendered> rendered;
        quint64 lastUse = 0;
    };
    struct CachedLine
    {
        const LogLine *line = nullptr;
        const Rendered *rendered = nullptr;
    };

    bool ensureReader() const;
    CachedLine cachedLine(int stage, qint64 line) const;
    void resetDocument();
    void startGroupScan();
    void startMerge(bool initial);
    void setError(const QString &message);

    QString m_path;
    mutable std::unique_ptr<LogReader> m_reader;
    QList<LogStageRef> m_stages;
    qint64 m_shownStage = 0;
    Internal::LogDocument m_doc;
    Internal::GroupIndex m_groups; // per-stage mode only
    QList<qint64> m_mergedCounts;  // interleaved: lines of each stage in m_doc
    bool m_ordering = false;
    bool m_mergeRunning = false;
    bool m_groupScanRunning = false;
    quint64 m_generation = 0;
    QTimer m_pollTimer;
    mutable QString m_error; // the last read error (data() may set it)
    mutable std::vector<std::map<qint64, CachedBlock>> m_cache; // per stage, by first line
    mutable int m_cachedBlocks = 0;
    mutable quint64 m_useClock = 0;
    // The merge and group scans run here, not on the global pool: declared last, it is
    // destroyed first and waits for a running scan (cancelled by the destructor, so it
    // stops at its next check). A scan must never outlive the model: one still reading
    // SQLite while the application shut down crashed the process at exit.
    QThreadPool m_pool;
};

} // namespace DeployDesk::Ui
