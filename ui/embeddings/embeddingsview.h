#pragma once

#include "config/pipeline.h"
#include "store/records.h"
#include "ui/embeddings/embeddingsreader.h"

#include <QElapsedTimer>
#include <QWidget>

class QAction;
class QComboBox;
class QGridLayout;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTreeWidget;

namespace DeployDesk::Ui {

class RunService;

// The Embeddings tab: the vector-index layer of an environment.
//   - the docs (files, chunks, tokens) and what changed since the version the re-embed
//     builds on, per file, with inputs and estimated billed tokens: the figures of
//     `deploydeskctl reembed --dry-run`, read again when the mode changes;
//   - Re-embed (incremental or full) as a recorded run of the pipeline's `reembed` stage,
//     the run `deploydeskctl reembed` starts, with its progress, throughput, time left and
//     billed tokens; Cancel, and Resume, which continues an interrupted re-embed (the
//     committed batches are kept; nothing is embedded twice);
//   - the index versions (the live one marked) with Switch and Roll back, each a recorded
//     index-switch run (a release, as `deploydeskctl index switch` records), confirmed first;
//   - the golden questions asked of a version (passed or not, and what was found instead);
//   - a question asked of any version: its top hits (score, page, heading).
// Reads go through EmbeddingsReader (off the GUI thread); runs through the RunService.
class EmbeddingsView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EmbeddingsView)

public:
    enum class Mode { Incremental, Full };

    explicit EmbeddingsView(QWidget *parent = nullptr);
    ~EmbeddingsView() override;

    // The history's folder (the default index folder is under it).
    void setDataDir(const QString &dataDir);
    // The service runs re-embeds and switches; the view follows its signals.
    void setRunService(RunService *service);
    // Shows the reembed stage of `pipeline` (in `workspace`); reads the figures again.
    void setPipeline(const Pipeline &pipeline, const QString &workspace);
    void setCurrentEnvironment(const QString &name);
    QString currentEnvironment() const;
    // Asks before switching the live version (tests turn it off).
    void setConfirmations(bool ask) { m_confirm = ask; }
    // Re-embed (Ctrl+Shift+M), full re-embed, resume, switch, roll back, golden questions
    // and refresh, for the window's menu.
    QList<QAction *> actions() const;

    void refresh();
    void reembed(Mode mode);
    void cancelReembed();
    void resume();
    // Makes `version` live (0: the one selected in the list) after a confirmation.
    void switchTo(int version = 0);
    // Makes the newest version older than the live one live again.
    void rollbackIndex();
    void validate(int version = 0); // 0: the selected version, else the live one
    void ask();

    // For tests.
    const EmbeddingsSnapshot &snapshot() const { return m_snapshot; }
    QComboBox *environmentCombo() const { return m_environment; }
    QComboBox *modeCombo() const { return m_mode; }
    QLabel *figuresLabel() const { return m_figures; }
    QTreeWidget *diffView() const { return m_diff; }
    QLabel *diffSummary() const { return m_summary; }
    QProgressBar *progressBar() const { return m_progress; }
    QLabel *progressLabel() const { return m_progressText; }
    QTreeWidget *versionsView() const { return m_versions; }
    QTreeWidget *validationView() const { return m_validation; }
    QLineEdit *questionEdit() const { return m_question; }
    QComboBox *versionCombo() const { return m_queryVersion; }
    QSpinBox *topSpin() const { return m_top; }
    QTreeWidget *hitsView() const { return m_hits; }
    QPushButton *reembedButton() const { return m_reembedButton; }
    QPushButton *cancelButton() const { return m_cancelButton; }
    QPushButton *resumeButton() const { return m_resumeButton; }
    QPushButton *switchButton() const { return m_switchButton; }
    QPushButton *rollbackButton() const { return m_rollbackButton; }
    QString statusText() const;
    qint64 runId() const { return m_runId; }

signals:
    void refreshed();                                   // a snapshot was applied
    void answered();                                    // the hits of a question arrived
    void validated();                                   // golden question results arrived
    void runFinished(const DeployDesk::RunRecord &run); // a re-embed or switch of this view
    void startRefused(const QString &message);

protected:
    void showEvent(QShowEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    enum class Pending { None, Reembed, Switch };
    void createActions();
    void arrange(bool wide);
    EmbeddingsReader::Where where() const;
    void apply(const EmbeddingsSnapshot &snapshot);
    void showPlan();
    void showProgress(qint64 done, qint64 total, qint64 billed);
    void onStarted(const RunRecord &run);
    void onFinished(const RunRecord &run);
    void startSwitch(int version, const QString &why);
    void setStatus(const QString &text);
    void showError(const QString &text);
    void updateActions();
    int selectedVersion() const;
    bool isProtected() const;

    EmbeddingsReader *m_reader = nullptr;
    RunService *m_service = nullptr;
    Pipeline m_pipeline;
    QString m_workspace;
    QString m_dataDir;
    EmbeddingsSnapshot m_snapshot;
    quint64 m_generation = 0; // answers for an earlier workspace or environment are dropped
    bool m_reading = false;
    bool m_confirm = true;
    Pending m_pending = Pending::None;
    Pending m_active = Pending::None;
    qint64 m_runId = 0;
    Mode m_runMode = Mode::Incremental;
    bool m_resumable = false;
    bool m_validateLive = false; // after the next snapshot, check the live version
    bool m_keepStatus = false;
    bool m_dirty = false; // asked to refresh while hidden   // the next snapshot leaves the status
                          // line as it is
    QString m_stageError;
    QElapsedTimer m_clock;
    qint64 m_firstDone = -1;

    QGridLayout *m_grid = nullptr;
    QList<QWidget *> m_boxes;
    bool m_wide = true;
    QComboBox *m_environment = nullptr;
    QLabel *m_indexLabel = nullptr;
    QPushButton *m_refreshButton = nullptr;
    QLabel *m_figures = nullptr;
    QTreeWidget *m_diff = nullptr;
    QLabel *m_summary = nullptr;
    QComboBox *m_mode = nullptr;
    QPushButton *m_reembedButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QPushButton *m_resumeButton = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_progressText = nullptr;
    QTreeWidget *m_versions = nullptr;
    QPushButton *m_switchButton = nullptr;
    QPushButton *m_rollbackButton = nullptr;
    QPushButton *m_validateButton = nullptr;
    QTreeWidget *m_validation = nullptr;
    QLineEdit *m_question = nullptr;
    QComboBox *m_queryVersion = nullptr;
    QSpinBox *m_top = nullptr;
    QPushButton *m_askButton = nullptr;
    QTreeWidget *m_hits = nullptr;
    QLabel *m_status = nullptr;
    QAction *m_reembedAction = nullptr;
    QAction *m_fullAction = nullptr;
    QAction *m_resumeAction = nullptr;
    QAction *m_switchAction = nullptr;
    QAction *m_rollbackAction = nullptr;
    QAction *m_validateAction = nullptr;
    QAction *m_refreshAction = nullptr;
};

} // namespace DeployDesk::Ui
