#include "ui/embeddings/embeddingsview.h"

#include "common/duration.h"
#include "run/runcontroller.h"
#include "ui/approvalfields.h"
#include "ui/runservice.h"

#include <QAction>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <utility>

namespace DeployDesk::Ui {

namespace {

QTreeWidget *makeTree(const QStringList &headers, QWidget *parent)
{
    auto *tree = new QTreeWidget(parent);
    tree->setHeaderLabels(headers);
    tree->setRootIsDecorated(false);
    tree->setUniformRowHeights(true);
    tree->setAlternatingRowColors(true);
    tree->setMinimumHeight(90);
    tree->setTextElideMode(Qt::ElideMiddle); // a path's end names the page
    tree->header()->setStretchLastSection(true);
    return tree;
}

QString number(qint64 n)
{
    return QLocale().toString(n);
}

} // namespace

EmbeddingsView::EmbeddingsView(QWidget *parent)
    : QWidget(parent)
    , m_reader(new EmbeddingsReader(this))
{
    // The top row: the environment and its index.
    auto *environmentLabel = new QLabel(tr("E&nvironment:"), this);
    m_environment = new QComboBox(this);
    m_environment->setObjectName(QStringLiteral("embeddingsEnvironment"));
    environmentLabel->setBuddy(m_environment);
    m_indexLabel = new QLabel(this);
    m_indexLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_indexLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_refreshButton = new QPushButton(tr("&Update"), this);
    m_refreshButton->setToolTip(tr("Scan the docs and read the index again"));
    auto *top = new QHBoxLayout;
    top->addWidget(environmentLabel);
    top->addWidget(m_environment);
    top->addWidget(m_indexLabel, 1);
    top->addWidget(m_refreshButton);

    auto *content = new QWidget;
    // Left: the docs, what changed, the re-embed.
    auto *docsBox = new QGroupBox(tr("Docs and changes since the live version"), content);
    m_figures = new QLabel(docsBox);
    m_figures->setWordWrap(true);
    m_figures->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_diff = makeTree(
        {tr("File"), tr("New"), tr("Changed"), tr("Removed"), tr("Unchanged"), tr("~Tokens")},
        docsBox);
    m_diff->setObjectName(QStringLiteral("embeddingsDiff"));
    m_diff->header()->setStretchLastSection(false);
    m_diff->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int c = 1; c < 6; ++c)
        m_diff->header()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_summary = new QLabel(docsBox);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *docsLayout = new QVBoxLayout(docsBox);
    docsLayout->addWidget(m_figures);
    docsLayout->addWidget(m_diff, 1);
    docsLayout->addWidget(m_summary);

    auto *runBox = new QGroupBox(tr("Re-embed"), content);
    auto *modeLabel = new QLabel(tr("M&ode:"), runBox);
    m_mode = new QComboBox(runBox);
    m_mode->addItem(tr("Incremental (only what changed, in place)"));
    m_mode->addItem(tr("Full (new version, validated, then switched)"));
    modeLabel->setBuddy(m_mode);
    m_reembedButton = new QPushButton(tr("Re-em&bed"), runBox);
    m_cancelButton = new QPushButton(tr("&Cancel"), runBox);
    m_resumeButton = new QPushButton(tr("Resu&me"), runBox);
    m_resumeButton->setToolTip(
        tr("Continue the interrupted re-embed: the batches it committed are kept"));
    m_progress = new QProgressBar(runBox);
    m_progress->setRange(0, 100);
    m_progress->setValue(0);
    m_progressText = new QLabel(runBox);
    m_progressText->setWordWrap(true);
    auto *modeRow = new QHBoxLayout;
    modeRow->addWidget(modeLabel);
    modeRow->addWidget(m_mode, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_reembedButton);
    buttons->addWidget(m_cancelButton);
    buttons->addWidget(m_resumeButton);
    buttons->addStretch(1);
    auto *runLayout = new QVBoxLayout(runBox);
    runLayout->addLayout(modeRow);
    runLayout->addLayout(buttons);
    runLayout->addWidget(m_progress);
    runLayout->addWidget(m_progressText);

    // Right: the versions, their validation, a question.
    auto *versionsBox = new QGroupBox(tr("Index versions"), content);
    m_versions = makeTree({tr("Version"), tr("Live"), tr("Points"), tr("Dimension"), tr("Model")},
                          versionsBox);
    m_versions->setObjectName(QStringLiteral("embeddingsVersions"));
    m_switchButton = new QPushButton(tr("S&witch…"), versionsBox);
    m_switchButton->setToolTip(
        tr("Make the selected version the live one (recorded as a release)"));
    m_rollbackButton = new QPushButton(tr("Roll bac&k…"), versionsBox);
    m_rollbackButton->setToolTip(tr("Make the version before the live one live again"));
    m_validateButton = new QPushButton(tr("Check &golden questions"), versionsBox);
    m_validateButton->setToolTip(tr("Ask the selected version the golden questions"));
    m_validation =
        makeTree({tr("Result"), tr("Question"), tr("Expected"), tr("Found")}, versionsBox);
    m_validation->setObjectName(QStringLiteral("embeddingsValidation"));
    auto *versionButtons = new QHBoxLayout;
    versionButtons->addWidget(m_switchButton);
    versionButtons->addWidget(m_rollbackButton);
    versionButtons->addWidget(m_validateButton);
    versionButtons->addStretch(1);
    auto *versionsLayout = new QVBoxLayout(versionsBox);
    versionsLayout->addWidget(m_versions, 1);
    versionsLayout->addLayout(versionButtons);
    versionsLayout->addWidget(m_validation, 1);

    auto *queryBox = new QGroupBox(tr("Ask the index"), content);
    auto *questionLabel = new QLabel(tr("&Question:"), queryBox);
    m_question = new QLineEdit(queryBox);
    m_question->setPlaceholderText(tr("e.g. how do I install the backend?"));
    questionLabel->setBuddy(m_question);
    auto *versionLabel = new QLabel(tr("Vers&ion:"), queryBox);
    m_queryVersion = new QComboBox(queryBox);
    versionLabel->setBuddy(m_queryVersion);
    auto *topLabel = new QLabel(tr("&Top:"), queryBox);
    m_top = new QSpinBox(queryBox);
    m_top->setRange(1, 50);
    m_top->setValue(5);
    topLabel->setBuddy(m_top);
    m_askButton = new QPushButton(tr("Ask"), queryBox);
    m_hits = makeTree({tr("Score"), tr("Page"), tr("Heading")}, queryBox);
    m_hits->setObjectName(QStringLiteral("embeddingsHits"));
    auto *questionRow = new QHBoxLayout;
    questionRow->addWidget(questionLabel);
    questionRow->addWidget(m_question, 1);
    auto *optionsRow = new QHBoxLayout;
    optionsRow->addWidget(versionLabel);
    optionsRow->addWidget(m_queryVersion);
    optionsRow->addWidget(topLabel);
    optionsRow->addWidget(m_top);
    optionsRow->addStretch(1);
    optionsRow->addWidget(m_askButton);
    auto *queryLayout = new QVBoxLayout(queryBox);
    queryLayout->addLayout(questionRow);
    queryLayout->addLayout(optionsRow);
    queryLayout->addWidget(m_hits, 1);

    m_grid = new QGridLayout(content);
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_boxes = {docsBox, runBox, versionsBox, queryBox};
    arrange(true);

    auto *scroll = new QScrollArea(this);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("embeddingsStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(scroll, 1);
    layout->addWidget(m_status);

    // Keyboard: top to bottom, left column before the right.
    setTabOrder(m_environment, m_refreshButton);
    setTabOrder(m_refreshButton, m_diff);
    setTabOrder(m_diff, m_mode);
    setTabOrder(m_mode, m_reembedButton);
    setTabOrder(m_reembedButton, m_cancelButton);
    setTabOrder(m_cancelButton, m_resumeButton);
    setTabOrder(m_resumeButton, m_versions);
    setTabOrder(m_versions, m_switchButton);
    setTabOrder(m_switchButton, m_rollbackButton);
    setTabOrder(m_rollbackButton, m_validateButton);
    setTabOrder(m_validateButton, m_validation);
    setTabOrder(m_validation, m_question);
    setTabOrder(m_question, m_queryVersion);
    setTabOrder(m_queryVersion, m_top);
    setTabOrder(m_top, m_askButton);
    setTabOrder(m_askButton, m_hits);

    createActions();
    connect(m_environment, &QComboBox::currentIndexChanged, this, [this] { refresh(); });
    connect(m_mode, &QComboBox::currentIndexChanged, this, [this] { refresh(); });
    connect(m_refreshButton, &QPushButton::clicked, this, &EmbeddingsView::refresh);
    connect(m_reembedButton, &QPushButton::clicked, this,
            [this] { reembed(m_mode->currentIndex() == 1 ? Mode::Full : Mode::Incremental); });
    connect(m_cancelButton, &QPushButton::clicked, this, &EmbeddingsView::cancelReembed);
    connect(m_resumeButton, &QPushButton::clicked, this, &EmbeddingsView::resume);
    connect(m_switchButton, &QPushButton::clicked, this, [this] { switchTo(0); });
    connect(m_rollbackButton, &QPushButton::clicked, this, &EmbeddingsView::rollbackIndex);
    connect(m_validateButton, &QPushButton::clicked, this, [this] { validate(0); });
    connect(m_versions, &QTreeWidget::itemSelectionChanged, this, &EmbeddingsView::updateActions);
    connect(m_versions, &QTreeWidget::itemActivated, this, [this] { switchTo(0); });
    connect(m_askButton, &QPushButton::clicked, this, &EmbeddingsView::ask);
    connect(m_question, &QLineEdit::returnPressed, this, &EmbeddingsView::ask);
    updateActions();
}

EmbeddingsView::~EmbeddingsView() = default;

void EmbeddingsView::createActions()
{
    m_reembedAction = new QAction(tr("&Re-embed Docs"), this);
    m_reembedAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
    connect(m_reembedAction, &QAction::triggered, this, [this] { reembed(Mode::Incremental); });
    m_fullAction = new QAction(tr("Re-embed &All into a New Version"), this);
    connect(m_fullAction, &QAction::triggered, this, [this] { reembed(Mode::Full); });
    m_resumeAction = new QAction(tr("Resu&me Interrupted Re-embed"), this);
    connect(m_resumeAction, &QAction::triggered, this, &EmbeddingsView::resume);
    m_switchAction = new QAction(tr("&Switch to Selected Index Version…"), this);
    connect(m_switchAction, &QAction::triggered, this, [this] { switchTo(0); });
    m_rollbackAction = new QAction(tr("Roll &Back Index to Previous Version…"), this);
    connect(m_rollbackAction, &QAction::triggered, this, &EmbeddingsView::rollbackIndex);
    m_validateAction = new QAction(tr("Check &Golden Questions"), this);
    connect(m_validateAction, &QAction::triggered, this, [this] { validate(0); });
    m_refreshAction = new QAction(tr("&Update Figures"), this);
    connect(m_refreshAction, &QAction::triggered, this, &EmbeddingsView::refresh);
}

QList<QAction *> EmbeddingsView::actions() const
{
    return {m_reembedAction,  m_fullAction,     m_resumeAction, m_switchAction,
            m_rollbackAction, m_validateAction, m_refreshAction};
}

void EmbeddingsView::setDataDir(const QString &dataDir)
{
    m_dataDir = dataDir;
    refresh();
}

void EmbeddingsView::setRunService(RunService *service)
{
    if (m_service)
        m_service->disconnect(this);
    m_service = service;
    if (!m_service)
        return;
    connect(m_service, &RunService::started, this,
            [this](const RunRecord &run, const QList<StageRecord> &) { onStarted(run); });
    connect(m_service, &RunService::startFailed, this,
            [this](const QString &message, const LoadResult &) {
                if (m_pending == Pending::None)
                    return;
                m_pending = Pending::None;
                showError(message);
                emit startRefused(message);
                updateActions();
            });
    connect(m_service, &RunService::stageChanged, this, [this](const StageRecord &stage) {
        if (stage.runId == m_runId && m_runId != 0 && stage.status == StageStatus::Failed &&
            !stage.reason.isEmpty())
            m_stageError = tr("%1: %2").arg(stage.name, stage.reason);
    });
    connect(m_service, &RunService::stageProgress, this,
            [this](const QString &stage, qint64 done, qint64 total, qint64 billed) {
                if (m_active == Pending::Reembed && stage == m_snapshot.stage)
                    showProgress(done, total, billed);
            });
    connect(m_service, &RunService::finished, this, &EmbeddingsView::onFinished);
    updateActions();
}

void EmbeddingsView::setPipeline(const Pipeline &pipeline, const QString &workspace)
{
    const QString keep = currentEnvironment();
    m_pipeline = pipeline;
    m_workspace = workspace;
    // The environments the reembed stage runs in (its `if:`).
    const Stage *stage = nullptr;
    for (const Stage &s : m_pipeline.stages)
        if (s.uses == QLatin1String("reembed"))
            stage = &s;
    QStringList names;
    for (const Environment &e : m_pipeline.environments)
        if (!stage || stage->condition.matches(e.name))
            names << e.name;
    if (stage) {
        const bool full = stage->with.value(QStringLiteral("mode")).toString() == u"full";
        const QSignalBlocker blockMode(m_mode);
        m_mode->setCurrentIndex(full ? 1 : 0);
    }
    {
        const QSignalBlocker block(m_environment);
        m_environment->clear();
        m_environment->addItems(names);
        if (names.contains(keep))
            m_environment->setCurrentText(keep);
    }
    refresh();
}

void EmbeddingsView::setCurrentEnvironment(const QString &name)
{
    if (m_environment->findText(name) >= 0)
        m_environment->setCurrentText(name); // refreshes when it changes
}

QString EmbeddingsView::currentEnvironment() const
{
    return m_environment->currentText();
}

EmbeddingsReader::Where EmbeddingsView::where() const
{
    EmbeddingsReader::Where w{m_pipeline, currentEnvironment(), m_dataDir};
    // The dry run shows what the chosen mode would do, as `reembed --dry-run [--full]`.
    for (Stage &s : w.pipeline.stages)
        if (s.uses == QLatin1String("reembed"))
            s.with.insert(QStringLiteral("mode"), m_mode->currentIndex() == 1
                                                      ? QStringLiteral("full")
                                                      : QStringLiteral("incremental"));
    return w;
}

// Two columns (docs and re-embed | versions and questions) when there is room, else one
// column in the same order, so nothing is squeezed in a small window (it scrolls instead).
void EmbeddingsView::arrange(bool wide)
{
    if (m_wide == wide && m_grid->count() > 0)
        return;
    m_wide = wide;
    for (QWidget *box : std::as_const(m_boxes))
        m_grid->removeWidget(box);
    for (int i = 0; i < 4; ++i) {
        m_grid->setRowStretch(i, 0);
        m_grid->setColumnStretch(i % 2, 0);
    }
    for (int i = 0; i < m_boxes.size(); ++i) {
        // docs (0), re-embed (1), versions (2), questions (3)
        const int row = wide ? i % 2 : i;
        const int column = wide ? i / 2 : 0;
        m_grid->addWidget(m_boxes.at(i), row, column);
    }
    if (wide) {
        m_grid->setColumnStretch(0, 1);
        m_grid->setColumnStretch(1, 1);
        m_grid->setRowStretch(0, 3);
        m_grid->setRowStretch(1, 2);
    } else {
        m_grid->setColumnStretch(0, 1);
        m_grid->setRowStretch(0, 1);
        m_grid->setRowStretch(2, 1);
    }
}

void EmbeddingsView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    arrange(width() >= 900);
}

void EmbeddingsView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (std::exchange(m_dirty, false))
        refresh();
}

void EmbeddingsView::refresh()
{
    ++m_generation;
    // A scan of the docs is work: it waits until the tab is shown.
    if (!isVisible()) {
        m_dirty = true;
        return;
    }
    if (m_workspace.isEmpty() || m_pipeline.stages.isEmpty()) {
        m_reading = false;
        updateActions();
        return;
    }
    m_reading = true;
    setStatus(tr("Reading the docs and the index…"));
    updateActions();
    const quint64 generation = m_generation;
    m_reader->inspect(this, where(), [this, generation](const EmbeddingsSnapshot &snapshot) {
        if (generation != m_generation)
            return;
        m_reading = false;
        apply(snapshot);
    });
}

void EmbeddingsView::apply(const EmbeddingsSnapshot &snapshot)
{
    const int selected = selectedVersion();
    m_snapshot = snapshot;
    m_indexLabel->setText(snapshot.index.isEmpty() ? QString()
                                                   : tr("index %1").arg(snapshot.index));

    m_versions->clear();
    for (const IndexVersionRow &v : snapshot.versions) {
        auto *item = new QTreeWidgetItem(m_versions);
        item->setText(0, QStringLiteral("v%1").arg(v.version));
        item->setData(0, Qt::UserRole, v.version);
        item->setText(1, v.live ? tr("● live") : QString());
        item->setText(2, number(v.points));
        item->setText(3, QString::number(v.dimension));
        item->setText(4, v.model);
        if (v.live) {
            QFont bold = item->font(0);
            bold.setBold(true);
            for (int c = 0; c < 5; ++c)
                item->setFont(c, bold);
        }
        if (v.version == selected)
            item->setSelected(true);
    }
    for (int c = 0; c < 4; ++c)
        m_versions->resizeColumnToContents(c);

    const QString keep = m_queryVersion->currentText();
    m_queryVersion->clear();
    m_queryVersion->addItem(tr("live"), 0);
    for (const IndexVersionRow &v : snapshot.versions)
        m_queryVersion->addItem(QStringLiteral("v%1").arg(v.version), v.version);
    if (const int i = m_queryVersion->findText(keep); i >= 0)
        m_queryVersion->setCurrentIndex(i);

    showPlan();
    if (snapshot.planned && snapshot.plan.resumed)
        m_resumable = true; // an unfinished rebuild waits
    if (!snapshot.error.isEmpty())
        showError(snapshot.error);
    else if (m_active == Pending::None && !m_keepStatus)
        setStatus(
            snapshot.versions.isEmpty()
                ? tr("The index has no version yet: Re-embed builds the first.")
                : tr("Live version: %1.")
                      .arg(snapshot.live ? QStringLiteral("v%1").arg(*snapshot.live) : tr("none")));
    m_keepStatus = false;
    if (std::exchange(m_validateLive, false) && snapshot.live && snapshot.goldenQuestions > 0)
        validate(*snapshot.live);
    updateActions();
    emit refreshed();
}

void EmbeddingsView::showPlan()
{
    m_diff->clear();
    if (!m_snapshot.planned) {
        m_figures->setText(m_snapshot.error.isEmpty() ? QString()
                                                      : tr("The docs could not be read."));
        m_summary->clear();
        return;
    }
    const Data::ReembedPlan &plan = m_snapshot.plan;
    m_figures->setText(tr("%1: %2 files, %3 chunks, ~%4 tokens")
                           .arg(QDir::toNativeSeparators(m_snapshot.docsRoot))
                           .arg(plan.docs)
                           .arg(number(plan.chunks))
                           .arg(number(plan.tokens)));
    for (const ManifestDiff::File &f : plan.diff.files) {
        auto *item = new QTreeWidgetItem(m_diff);
        item->setText(0, f.docPath);
        item->setText(1, QString::number(f.added));
        item->setText(2, QString::number(f.changed));
        item->setText(3, QString::number(f.removed));
        item->setText(4, QString::number(f.unchanged));
        item->setText(5, number(f.tokensToEmbed));
        for (int c = 1; c < 6; ++c)
            item->setTextAlignment(c, Qt::AlignRight | Qt::AlignVCenter);
        if (f.added == 0 && f.changed == 0 && f.removed == 0)
            item->setForeground(0, palette().brush(QPalette::Disabled, QPalette::Text));
    }
    // The dry run's own first and last lines: what it builds on, and the totals.
    QString text = m_snapshot.planLines.value(0).trimmed();
    text += QStringLiteral("\n") + m_snapshot.planLines.value(m_snapshot.planLines.size() - 1);
    if (plan.diff.isEmpty() && plan.live)
        text += QStringLiteral("\n") + tr("Nothing changed since the live version.");
    m_summary->setText(text);
}

void EmbeddingsView::reembed(Mode mode)
{
    if (!m_service || m_service->isRunning() || m_pending != Pending::None ||
        m_snapshot.stage.isEmpty())
        return;
    RunRequest request;
    request.environment = currentEnvironment();
    request.stages = {m_snapshot.stage};
    request.withOverrides.insert(
        m_snapshot.stage,
        QVariantMap{{QStringLiteral("mode"),
                     mode == Mode::Full ? QStringLiteral("full") : QStringLiteral("incremental")}});
    request.message =
        mode == Mode::Full ? tr("re-embed the docs (full rebuild)") : tr("re-embed the docs");
    m_pending = Pending::Reembed;
    m_runMode = mode;
    m_stageError.clear();
    m_progress->setRange(0, 100);
    m_progress->setValue(0);
    m_progressText->setText(tr("Starting…"));
    setStatus(tr("Starting a re-embed of %1…").arg(request.environment));
    updateActions();
    m_service->start(m_workspace, request);
}

void EmbeddingsView::cancelReembed()
{
    if (!m_service || m_active != Pending::Reembed)
        return;
    m_service->cancel(tr("cancelled in the Embeddings view"));
    setStatus(tr("Cancelling: the batch in flight is finished and committed first…"));
}

void EmbeddingsView::resume()
{
    if (!m_resumable)
        return;
    reembed(m_runMode);
}

int EmbeddingsView::selectedVersion() const
{
    const QList<QTreeWidgetItem *> items = m_versions->selectedItems();
    return items.isEmpty() ? 0 : items.first()->data(0, Qt::UserRole).toInt();
}

bool EmbeddingsView::isProtected() const
{
    const Environment *env = m_pipeline.environment(currentEnvironment());
    return env && env->isProtected;
}

void EmbeddingsView::switchTo(int version)
{
    if (version == 0)
        version = selectedVersion();
    if (version == 0 || !m_service || m_service->isRunning() || m_pending != Pending::None)
        return;
    if (m_snapshot.live == version) {
        setStatus(tr("v%1 is already live.").arg(version));
        return;
    }
    startSwitch(version, tr("switch"));
}

void EmbeddingsView::rollbackIndex()
{
    if (!m_snapshot.live)
        return;
    int previous = 0;
    for (const IndexVersionRow &v : m_snapshot.versions)
        if (v.version < *m_snapshot.live && v.version > previous)
            previous = v.version;
    if (previous == 0) {
        showError(
            tr("v%1 is the oldest version: there is none to roll back to.").arg(*m_snapshot.live));
        return;
    }
    startSwitch(previous, tr("rollback"));
}

void EmbeddingsView::startSwitch(int version, const QString &why)
{
    if (!m_service || m_service->isRunning() || m_pending != Pending::None)
        return;
    const QString environment = currentEnvironment();
    const QString live = m_snapshot.live ? QStringLiteral("v%1").arg(*m_snapshot.live) : tr("none");
    QString approver;
    QString reason;
    if (m_confirm) {
        // A protected environment's switch is approved as its rollbacks are: who, why,
        // and the environment's name typed (ApprovalFields); otherwise a plain question.
        QDialog box(this);
        box.setWindowTitle(tr("Switch the index"));
        auto *layout = new QVBoxLayout(&box);
        auto *question = new QLabel(
            tr("Make v%1 the live version of the index of %2 (now %3)? Searches answer from "
               "it at once; the switch is recorded as a release.")
                .arg(version)
                .arg(environment, live),
            &box);
        question->setWordWrap(true);
        layout->addWidget(question);
        auto *fields = new ApprovalFields(environment, isProtected(), &box);
        layout->addWidget(fields);
        auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, &box);
        QPushButton *yes =
            buttons->addButton(tr("&Switch to v%1").arg(version), QDialogButtonBox::AcceptRole);
        yes->setAutoDefault(false);
        buttons->button(QDialogButtonBox::Cancel)->setDefault(true);
        layout->addWidget(buttons);
        const auto update = [fields, yes] { yes->setEnabled(fields->isComplete()); };
        update();
        connect(fields, &ApprovalFields::changed, &box, update);
        connect(buttons, &QDialogButtonBox::accepted, &box, &QDialog::accept);
        connect(buttons, &QDialogButtonBox::rejected, &box, &QDialog::reject);
        fields->firstField()->setFocus();
        if (box.exec() != QDialog::Accepted || !fields->isComplete())
            return;
        if (fields->needsApproval())
            approver = fields->approver();
        reason = fields->reason();
    }
    IndexSwitchRequest request;
    request.environment = environment;
    request.version = version;
    request.message = reason.isEmpty() ? tr("%1 in the panel from %2").arg(why, live) : reason;
    // Approved by the fields above; without confirmations (tests) the view approves.
    request.approved = isProtected();
    request.approvedBy = approver;
    m_pending = Pending::Switch;
    m_stageError.clear();
    setStatus(tr("Switching the index of %1 to v%2…").arg(environment).arg(version));
    updateActions();
    m_service->startIndexSwitch(m_workspace, request);
}

void EmbeddingsView::onStarted(const RunRecord &run)
{
    if (m_pending == Pending::None)
        return; // another part of the window started it
    m_active = m_pending;
    m_pending = Pending::None;
    m_runId = run.id;
    m_firstDone = -1;
    if (m_active == Pending::Reembed) {
        m_resumable = false;
        setStatus(tr("Run %1 re-embeds the docs of %2.").arg(run.id).arg(run.environment));
    }
    updateActions();
}

void EmbeddingsView::showProgress(qint64 done, qint64 total, qint64 billed)
{
    if (m_firstDone < 0) {
        m_firstDone = done;
        m_clock.start();
    }
    if (total <= 0) {
        // A full rebuild embeds the docs as they are chunked: no total until the last one.
        m_progress->setRange(0, 0);
        m_progressText->setText(tr("%1 chunks embedded and stored, ~%2 billed tokens; the docs "
                                   "are still being chunked")
                                    .arg(number(done), number(billed)));
        return;
    }
    m_progress->setRange(0, 100);
    m_progress->setValue(int(done * 100 / total));
    QString text = tr("%1 of %2 chunks embedded and stored, ~%3 billed tokens")
                       .arg(number(done), number(total), number(billed));
    const double seconds = m_clock.elapsed() / 1000.0;
    const qint64 since = done - m_firstDone;
    if (since > 0 && seconds > 0) {
        const double rate = since / seconds;
        const auto left = std::chrono::milliseconds(qint64((total - done) / rate * 1000));
        text +=
            QStringLiteral("\n") + tr("%1 chunks/s, about %2 left")
                                       .arg(QLocale().toString(rate, 'f', 1), formatDuration(left));
    }
    m_progressText->setText(text);
}

void EmbeddingsView::onFinished(const RunRecord &run)
{
    if (run.id != m_runId || m_active == Pending::None) {
        updateActions();
        return;
    }
    const Pending was = m_active;
    m_active = Pending::None;
    const QString detail = m_stageError.isEmpty() ? QString() : QStringLiteral("\n") + m_stageError;
    if (m_progress->maximum() == 0) { // busy while the docs were chunked: a bar again
        m_progress->setRange(0, 100);
        m_progress->setValue(0);
    }
    if (was == Pending::Reembed) {
        switch (run.status) {
        case RunStatus::Success:
            m_progress->setValue(100);
            setStatus(tr("Run %1: the docs are re-embedded.").arg(run.id));
            break;
        case RunStatus::Cancelled:
        case RunStatus::Interrupted:
            m_resumable = true;
            setStatus(tr("Run %1 stopped before the end: what it committed is kept. Resume "
                         "continues it.")
                          .arg(run.id));
            break;
        default:
            m_resumable = true;
            showError(tr("Run %1 failed; Resume tries again from where it stopped.%2")
                          .arg(run.id)
                          .arg(detail));
            break;
        }
    } else if (run.status == RunStatus::Success) {
        setStatus(tr("Run %1: the index switch is recorded.").arg(run.id));
    } else {
        showError(
            tr("Run %1: the index switch %2.%3").arg(run.id).arg(toString(run.status), detail));
    }
    // The figures again; then the golden questions of the live version as it is now.
    m_validateLive = run.status == RunStatus::Success;
    const QString status = m_status->text();
    const QString style = m_status->styleSheet();
    refresh();
    m_status->setText(status);
    m_status->setStyleSheet(style);
    m_keepStatus = true; // the run's outcome stays shown
    emit runFinished(run);
    updateActions();
}

void EmbeddingsView::validate(int version)
{
    if (version == 0)
        version = selectedVersion();
    if (version <= 0)
        version = m_snapshot.live.value_or(0);
    if (version <= 0) {
        showError(tr("The index has no live version to check."));
        return;
    }
    m_validation->clear();
    const quint64 generation = m_generation;
    m_reader->validate(
        this, where(), version,
        [this, generation, version](const Result<QList<GoldenResult>> &results) {
            if (generation != m_generation)
                return;
            m_validation->clear();
            if (!results) {
                showError(results.error().toString());
                emit validated();
                return;
            }
            int passed = 0;
            for (const GoldenResult &r : *results) {
                auto *item = new QTreeWidgetItem(m_validation);
                item->setText(0, r.passed ? tr("pass") : tr("FAIL"));
                item->setText(1, r.question);
                item->setToolTip(1, r.question);
                item->setText(2, r.expected);
                item->setToolTip(2, r.expected);
                item->setText(3, r.passed ? QString() : r.found.join(QStringLiteral(", ")));
                item->setToolTip(3, r.found.join(QStringLiteral("\n")));
                if (r.passed)
                    ++passed;
                else
                    item->setForeground(0, QBrush(Qt::red));
            }
            if (results->isEmpty())
                new QTreeWidgetItem(m_validation,
                                    {QString(), tr("No golden questions: set `golden:` in the "
                                                   "reembed stage")});
            m_validation->setHeaderLabels(
                {tr("Result"),
                 tr("Question (v%1: %2 of %3 pass)").arg(version).arg(passed).arg(results->size()),
                 tr("Expected"), tr("Found instead")});
            // Columns as wide as what they hold (questions and pages were cut to "PID co…").
            for (int c = 0; c < 3; ++c)
                m_validation->resizeColumnToContents(c);
            emit validated();
        });
}

void EmbeddingsView::ask()
{
    const QString question = m_question->text().trimmed();
    if (question.isEmpty() || m_snapshot.stage.isEmpty())
        return;
    const int chosen = m_queryVersion->currentData().toInt();
    const std::optional<int> version = chosen > 0 ? std::optional<int>(chosen) : std::nullopt;
    m_askButton->setEnabled(false);
    m_hits->clear();
    m_reader->query(
        this, where(), question, version, m_top->value(),
        [this](const Result<QList<Data::IndexHit>> &hits) {
            m_askButton->setEnabled(true);
            if (!hits) {
                showError(hits.error().toString());
                emit answered();
                return;
            }
            for (const Data::IndexHit &h : *hits) {
                auto *item = new QTreeWidgetItem(m_hits);
                item->setText(0, QString::number(h.score, 'f', 3));
                const QString url = h.payload.value(QStringLiteral("url")).toString();
                item->setText(
                    1, url.isEmpty() ? h.payload.value(QStringLiteral("docPath")).toString() : url);
                item->setToolTip(1, item->text(1));
                item->setText(2, h.payload.value(QStringLiteral("headingPath")).toString());
                item->setToolTip(2, h.payload.value(QStringLiteral("text")).toString().left(600));
            }
            if (hits->isEmpty())
                new QTreeWidgetItem(m_hits, {QString(), tr("no hits")});
            m_hits->resizeColumnToContents(0);
            m_hits->resizeColumnToContents(1);
            emit answered();
        });
}

void EmbeddingsView::setStatus(const QString &text)
{
    m_status->setStyleSheet(QString());
    m_status->setText(text);
}

void EmbeddingsView::showError(const QString &text)
{
    // An error stands out (and stays until the next action or answer replaces it).
    m_status->setStyleSheet(QStringLiteral("QLabel { color: #d32f2f; font-weight: bold; }"));
    m_status->setText(text);
}

QString EmbeddingsView::statusText() const
{
    return m_status->text();
}

void EmbeddingsView::updateActions()
{
    const bool busy = !m_service || m_service->isRunning() || m_pending != Pending::None ||
                      m_active != Pending::None;
    const bool ready = !m_snapshot.stage.isEmpty() && m_snapshot.error.isEmpty();
    const int selected = selectedVersion();
    m_reembedButton->setEnabled(!busy && ready);
    m_reembedAction->setEnabled(!busy && ready);
    m_fullAction->setEnabled(!busy && ready);
    m_cancelButton->setEnabled(m_active == Pending::Reembed);
    m_resumeButton->setEnabled(!busy && ready && m_resumable);
    m_resumeAction->setEnabled(!busy && ready && m_resumable);
    const bool canSwitch = !busy && ready && selected > 0 && m_snapshot.live != selected;
    m_switchButton->setEnabled(canSwitch);
    m_switchAction->setEnabled(canSwitch);
    bool older = false;
    for (const IndexVersionRow &v : m_snapshot.versions)
        older = older || (m_snapshot.live && v.version < *m_snapshot.live);
    m_rollbackButton->setEnabled(!busy && ready && older);
    m_rollbackAction->setEnabled(!busy && ready && older);
    const bool any = !m_snapshot.versions.isEmpty() && ready;
    m_validateButton->setEnabled(any);
    m_validateAction->setEnabled(any);
    m_askButton->setEnabled(any);
    m_refreshButton->setEnabled(!m_reading);
}

} // namespace DeployDesk::Ui
