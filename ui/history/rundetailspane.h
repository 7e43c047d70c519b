#pragma once

#include "store/records.h"

#include <QWidget>

#include <memory>

class QLabel;
class QTabWidget;
class QTreeWidget;
class QTreeWidgetItem;

namespace DeployDesk::Ui {

namespace Internal {
class HistoryReader;
}

// One run in detail: a header (status, environment, branch, commit, who, message,
// started, duration; where it ran when that was GitHub Actions), its stages (with the count
// of what each annotated), its events (approvals, refusals, cancels, retries...), its
// artifacts and its annotations. The rows are read on the history reader's
// thread; the pane fills in when they arrive (runLoaded()).
class RunDetailsPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunDetailsPane)

public:
    enum StageColumns {
        StageNameColumn,
        StageStatusColumn,
        StageAttemptsColumn,
        StageDurationColumn,
        StageReasonColumn,
        StageReusedColumn,
        StageAnnotationsColumn, // "1 error, 2 warnings": hidden when the run has none
        StageColumnCount
    };
    enum EventColumns {
        EventTimeColumn,
        EventStageColumn,
        EventKindColumn,
        EventMessageColumn,
        EventWhoColumn,
        EventColumnCount
    };
    enum AnnotationColumns {
        AnnotationStageColumn,
        AnnotationLevelColumn,
        AnnotationLocationColumn,
        AnnotationMessageColumn,
        AnnotationColumnCount
    };
    enum ArtifactColumns {
        ArtifactPathColumn,
        ArtifactSizeColumn,
        ArtifactHashColumn,
        ArtifactColumnCount
    };
    static constexpr int StageIdRole = Qt::UserRole + 1;

    explicit RunDetailsPane(QWidget *parent = nullptr);

    // Reads through `reader` (shared with the list); none: nothing can be shown.
    void setReader(std::shared_ptr<Internal::HistoryReader> reader);

    // Shows run `runId` (0: nothing): asks the reader for its rows and returns; runLoaded()
    // follows, and when they cannot be read the header says why. runId() is the run asked
    // for from now on (0 again after a failure).
    void showRun(qint64 runId);
    qint64 runId() const { return m_runId; }
    bool isLoading() const { return m_loading; }
    QString headerText() const; // the header as plain text, for tests and screen readers
    // "Ran on GitHub Actions: URL" for a run that ran there (its URL a link that opens in
    // the browser); hidden for a local run.
    QLabel *remoteLabel() const { return m_remote; }

    QTreeWidget *stagesView() const { return m_stages; }
    QTreeWidget *eventsView() const { return m_events; }
    QTreeWidget *artifactsView() const { return m_artifacts; }
    // The errors, warnings and notices the stages reported (GitHub's ::error file=…::),
    // each with its stage; activating one opens that stage's log.
    QTreeWidget *annotationsView() const { return m_annotations; }
    // The stage under the keyboard focus in the stages list, 0 for none.
    qint64 currentStageId() const;

signals:
    void stageActivated(qint64 runId, qint64 stageId);
    // The rows of `runId` are shown (ok), or why not is (the header).
    void runLoaded(qint64 runId, bool ok);

private:
    struct Details;
    void clearAll(const QString &message);
    void fill(const Details &details);
    void fillHeader(const RunRecord &run);

    std::shared_ptr<Internal::HistoryReader> m_reader;
    qint64 m_runId = 0;
    qint64 m_filledRunId = 0; // the run whose rows the lists hold
    quint64 m_generation = 0; // answers for an earlier showRun() are dropped
    bool m_loading = false;
    QLabel *m_header = nullptr;
    QLabel *m_remote = nullptr;
    QString m_remoteText; // m_remote's text, plain
    QTabWidget *m_tabs = nullptr;
    QTreeWidget *m_stages = nullptr;
    QTreeWidget *m_events = nullptr;
    QTreeWidget *m_artifacts = nullptr;
    QTreeWidget *m_annotations = nullptr;
};

} // namespace DeployDesk::Ui
