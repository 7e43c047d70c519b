#pragma once

#include "ui/logview/logdocument.h"
#include "ui/logview/logscan.h"
#include "ui/logview/textmatcher.h"

#include <QFuture>
#include <QList>
#include <QWidget>

#include <vector>

class QAction;
class QComboBox;
class QLabel;
class QProgressBar;

namespace DeployDesk::Ui {

class FindBar;
class LogModel;
class LogView;

// The log panel: a toolbar row (stage filter, timestamps, wrap, follow, first error,
// save), a find bar (Ctrl+F) and the view over the stored log. Everything that walks the
// whole log (counting matches, finding the first error, ordering stages by time, saving)
// runs in a worker; the GUI thread only reads the blocks on screen.
class LogViewer final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogViewer)

public:
    explicit LogViewer(const QString &databasePath, QWidget *parent = nullptr);
    ~LogViewer() override;

    // The history file to read from now on (the panel opens it after the window shows).
    void setDatabasePath(const QString &databasePath);

    struct StageRef
    {
        qint64 id = 0;
        QString name;
    };
    // Shows a run's logs: stages in pipeline order; `stageId` 0 = all stages interleaved.
    void showRun(qint64 runId, const QList<StageRef> &stages, qint64 stageId = 0);
    void showStage(qint64 stageId); // switch the per-stage filter (0 = all)
    void setLive(bool live);        // the run is in progress: poll for new lines
    void addStage(const StageRef &stage);
    qint64 runId() const { return m_runId; }
    // "Run N" beside the stage box, and what an empty log says (for tests).
    QString runText() const;
    QString emptyText() const;

    // Find, Find next, Find previous, First error, Copy, Save..., Wrap, Timestamps, Follow.
    QList<QAction *> actions() const;
    QAction *findAction() const { return m_find; }
    QAction *findNextAction() const { return m_findNext; }
    QAction *findPreviousAction() const { return m_findPrevious; }
    QAction *firstErrorAction() const { return m_firstError; }
    QAction *copyAction() const { return m_copy; }
    QAction *saveAction() const { return m_save; }
    QAction *wrapAction() const { return m_wrap; }
    QAction *timestampsAction() const { return m_timestamps; }
    QAction *followAction() const { return m_follow; }

    void find(const QString &text, bool regex, bool caseSensitive);
    int matchCount() const { return int(m_hits.size()); }
    bool isCounting() const { return m_searchRunning; }
    // 1-based line of the current match/selection within the shown stage (or interleaved
    // row); 0 when there is none.
    qint64 currentLine() const;
    void findNext();
    void findPrevious();
    void jumpToFirstError();
    void copy();
    // Writes the shown log (escapes removed) to `fileName` in a worker.
    void saveTo(const QString &fileName);

    LogModel *model() const { return m_model; }
    LogView *view() const { return m_view; }
    FindBar *findBar() const { return m_findBar; }

signals:
    void matchCountChanged(int count); // after counting (async) finished
    void currentLineChanged(qint64 line);
    void firstErrorFound(qint64 line); // 0: the log has no error line
    void saveFinished(bool ok, const QString &message);

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void createActions();
    void restartSearch();
    void continueSearch();
    void goToHit(qsizetype hit);
    void updateFindStatus();
    void updateStageCombo();
    void updateEmptyText();
    void setStatus(const QString &text);

    LogModel *m_model = nullptr;
    LogView *m_view = nullptr;
    FindBar *m_findBar = nullptr;
    QComboBox *m_stageCombo = nullptr;
    QLabel *m_runLabel = nullptr;
    bool m_live = false;
    QLabel *m_status = nullptr;
    QProgressBar *m_progress = nullptr;
    QAction *m_find = nullptr;
    QAction *m_findNext = nullptr;
    QAction *m_findPrevious = nullptr;
    QAction *m_firstError = nullptr;
    QAction *m_copy = nullptr;
    QAction *m_save = nullptr;
    QAction *m_wrap = nullptr;
    QAction *m_timestamps = nullptr;
    QAction *m_follow = nullptr;

    qint64 m_runId = 0;
    QList<StageRef> m_stages;
    Internal::TextMatcher m_matcher;
    Internal::SearchHits m_hits; // document index per occurrence
    qint64 m_searchedTo = 0;
    // The lines m_hits are of (the document and where it is read from): a reset that shows
    // the same lines again (the log reopened, or grown) keeps the hits and searches only
    // what is new, instead of counting a 2,000,000-line log again.
    Internal::LogDocument m_searchedDoc;
    QString m_searchedPath;
    bool showsSearchedLines() const;
    bool m_searchRunning = false;
    // The running scans, cancelled when their answer is no longer wanted (a new search, a
    // new document), so a stale scan of 2,000,000 lines does not hold a worker thread.
    QList<QFuture<Internal::SearchResult>> m_searches;
    // A search of at least this many lines is split between the work pool's threads.
    static constexpr qint64 kSplitSearchLines = 100000;
    void takeSearchResults(std::vector<Internal::SearchResult> parts);
    QFuture<Internal::FirstErrorResult> m_errorScan;
    bool m_jumpWhenFound = false;
    qsizetype m_currentHit = -1;
    quint64 m_searchGeneration = 0;
    quint64 m_errorGeneration = 0;
};

} // namespace DeployDesk::Ui
