#include "ui/logview/logviewer.h"

#include "ui/common/sidewaysscroll.h"
#include "ui/logview/findbar.h"
#include "ui/logview/logmodel.h"
#include "ui/logview/logscan.h"
#include "ui/logview/logview.h"

#include "common/async.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QScrollArea>
#include <QToolBar>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace DeployDesk::Ui {

using namespace Internal;

LogViewer::LogViewer(const QString &databasePath, QWidget *parent)
    : QWidget(parent)
    , m_model(new LogModel(databasePath, this))
{
    setAccessibleName(tr("Log viewer"));
    createActions();

    m_stageCombo = new QComboBox(this);
    m_stageCombo->setAccessibleName(tr("Stage"));
    m_stageCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    // Which run the tab shows: the Logs tab follows the graph and the history.
    m_runLabel = new QLabel(this);
    m_runLabel->setAccessibleName(tr("Run shown"));
    m_runLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *stageLabel = new QLabel(tr("S&tage:"), this);
    stageLabel->setBuddy(m_stageCombo);
    m_status = new QLabel(this);
    m_status->setAccessibleName(tr("Log status"));
    // A long status ("Saved to /a/long/path…") takes the room there is, it does not widen
    // the window; the tooltip has it whole.
    m_status->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_progress = new QProgressBar(this);
    m_progress->setAccessibleName(tr("Saving progress"));
    m_progress->setRange(0, 1000);
    m_progress->setMaximumWidth(160);
    m_progress->hide();

    auto *toolbar = new QHBoxLayout;
    toolbar->setContentsMargins(4, 2, 4, 2);
    toolbar->addWidget(m_runLabel);
    toolbar->addSpacing(12);
    toolbar->addWidget(stageLabel);
    toolbar->addWidget(m_stageCombo);
    // The log's buttons in a tool bar: in a narrow window (German, 800x600) the ones that
    // do not fit go behind its » button instead of widening the window.
    auto *buttons = new QToolBar(this);
    buttons->setObjectName(QStringLiteral("logButtons"));
    buttons->setToolButtonStyle(Qt::ToolButtonTextOnly);
    buttons->setMovable(false);
    buttons->setFloatable(false);
    buttons->setStyleSheet(QStringLiteral("QToolBar { border: 0; background: transparent; }"));
    for (QAction *a : {m_timestamps, m_wrap, m_follow, m_firstError, m_find, m_save}) {
        buttons->addAction(a);
        if (QWidget *button = buttons->widgetForAction(a))
            button->setAccessibleName(a->text().remove(QLatin1Char('&')));
    }
    toolbar->addWidget(buttons);
    toolbar->addWidget(m_status, 1);
    toolbar->addWidget(m_progress);

    m_findBar = new FindBar(this);
    m_findBar->hide();
    m_view = new LogView(this);
    m_view->setModel(m_model);
    updateEmptyText();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(toolbar);
    // In a narrow window the find bar scrolls sideways rather than widening it.
    layout->addWidget(sidewaysScroll(m_findBar, this));
    layout->addWidget(m_view, 1);
    setFocusProxy(m_view);
    updateStageCombo(); // "All stages" before any run is shown: the box opens

    connect(m_stageCombo, &QComboBox::activated, this,
            [this](int i) { showStage(m_stageCombo->itemData(i).toLongLong()); });
    connect(m_findBar, &FindBar::searchChanged, this, [this] {
        find(m_findBar->text(), m_findBar->isRegex(), m_findBar->isCaseSensitive());
    });
    connect(m_findBar, &FindBar::nextRequested, this, &LogViewer::findNext);
    connect(m_findBar, &FindBar::previousRequested, this, &LogViewer::findPrevious);
    // Closed (Esc): the highlights go and stay gone when another stage or run is shown;
    // Ctrl+F brings the search back.
    connect(m_findBar, &FindBar::closed, this, [this] {
        m_matcher = TextMatcher();
        m_jumpWhenFound = false;
        restartSearch();
        m_view->setFocus();
    });
    connect(m_view, &LogView::followTailChanged, m_follow, &QAction::setChecked);
    connect(m_view, &LogView::currentIndexChanged, this,
            [this](qint64 index) { emit currentLineChanged(index + 1); });
    connect(m_model, &LogModel::documentReset, this, [this] {
        ++m_errorGeneration;
        m_errorScan.cancel();
        if (!showsSearchedLines()) {
            restartSearch();
            return;
        }
        // The same lines again: the hits stand; the current one is chosen anew.
        m_currentHit = -1;
        m_view->setMatcher(m_matcher);
        m_view->setCurrentMatch(-1, 0);
        updateFindStatus();
        emit matchCountChanged(matchCount());
        continueSearch(); // lines it did not have before
    });
    connect(m_model, &LogModel::linesAppended, this, &LogViewer::continueSearch);
    connect(m_model, &LogModel::orderingChanged, this, [this](bool ordering) {
        setStatus(ordering ? tr("Ordering the lines of all stages by time…") : QString());
    });
    connect(m_model, &LogModel::errorOccurred, this, &LogViewer::setStatus);
}

LogViewer::~LogViewer()
{
    cancelPending(this); // searches and saves stop early
}

void LogViewer::setDatabasePath(const QString &databasePath)
{
    m_model->setDatabasePath(databasePath);
}

void LogViewer::createActions()
{
    auto make = [this](const QString &text, const QKeySequence &key, bool checkable = false) {
        auto *a = new QAction(text, this);
        a->setShortcut(key);
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        a->setCheckable(checkable);
        a->setToolTip(QStringLiteral("%1 (%2)").arg(QString(text).remove(QLatin1Char('&')),
                                                    key.toString(QKeySequence::NativeText)));
        addAction(a);
        return a;
    };
    m_find = make(tr("&Find…"), QKeySequence::Find);
    m_findNext = make(tr("Find &Next"), QKeySequence(Qt::Key_F3));
    m_findPrevious = make(tr("Find &Previous"), QKeySequence(Qt::SHIFT | Qt::Key_F3));
    m_firstError = make(tr("First &Error"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    m_copy = make(tr("&Copy"), QKeySequence::Copy);
    m_save = make(tr("&Save Log…"), QKeySequence::Save);
    m_wrap = make(tr("&Wrap"), QKeySequence(Qt::ALT | Qt::Key_Z), true);
    m_timestamps = make(tr("&Timestamps"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T), true);
    m_follow = make(tr("F&ollow"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L), true);
    m_follow->setChecked(true);

    connect(m_find, &QAction::triggered, this, [this] {
        const bool reopened = m_findBar->isHidden() && !m_findBar->text().isEmpty();
        m_findBar->activate();
        if (reopened) // the search closed with Esc comes back
            find(m_findBar->text(), m_findBar->isRegex(), m_findBar->isCaseSensitive());
    });
    connect(m_findNext, &QAction::triggered, this, &LogViewer::findNext);
    connect(m_findPrevious, &QAction::triggered, this, &LogViewer::findPrevious);
    connect(m_firstError, &QAction::triggered, this, &LogViewer::jumpToFirstError);
    connect(m_copy, &QAction::triggered, this, &LogViewer::copy);
    connect(m_save, &QAction::triggered, this, [this] {
        const QString file = QFileDialog::getSaveFileName(this, tr("Save Log"), QString(),
                                                          tr("Text files (*.txt *.log)"));
        if (!file.isEmpty())
            saveTo(file);
    });
    connect(m_wrap, &QAction::toggled, this, [this](bool on) { m_view->setWrap(on); });
    connect(m_timestamps, &QAction::toggled, this,
            [this](bool on) { m_view->setShowTimestamps(on); });
    connect(m_follow, &QAction::toggled, this, [this](bool on) { m_view->setFollowTail(on); });
}

QList<QAction *> LogViewer::actions() const
{
    return {m_find, m_findNext, m_findPrevious, m_firstError, m_copy,
            m_save, m_wrap,     m_timestamps,   m_follow};
}

void LogViewer::keyPressEvent(QKeyEvent *event)
{
    // Esc in the log closes the find bar too.
    if (event->key() == Qt::Key_Escape && m_findBar->isVisible()) {
        m_findBar->dismiss();
        return;
    }
    QWidget::keyPressEvent(event);
}

void LogViewer::setStatus(const QString &text)
{
    m_status->setText(text);
    m_status->setToolTip(text);
}

void LogViewer::showRun(qint64 runId, const QList<StageRef> &stages, qint64 stageId)
{
    m_runId = runId;
    m_stages = stages;
    QList<LogStageRef> refs;
    for (const StageRef &s : stages)
        refs.append(LogStageRef{s.id, s.name});
    updateStageCombo();
    m_stageCombo->setCurrentIndex(std::max(0, m_stageCombo->findData(stageId)));
    m_model->setStages(refs, stageId);
    m_runLabel->setText(runText());
    updateEmptyText();
}

QString LogViewer::runText() const
{
    return m_runId > 0 ? tr("Run %1").arg(m_runId) : QString();
}

QString LogViewer::emptyText() const
{
    return m_view->placeholderText();
}

// An empty log says why: no run shown, output still to come, or none printed.
void LogViewer::updateEmptyText()
{
    const bool allStages = m_stageCombo->currentData().toLongLong() == 0;
    QString text;
    if (m_runId <= 0)
        text = tr("No run to show yet: start one with Run (Ctrl+R)");
    else if (m_live)
        text = tr("No log lines yet");
    else if (allStages)
        text = tr("No output: no stage of run %1 printed anything").arg(m_runId);
    else
        text = tr("No output: stage %1 printed nothing").arg(m_stageCombo->currentText());
    m_view->setPlaceholderText(text);
}

void LogViewer::showStage(qint64 stageId)
{
    m_stageCombo->setCurrentIndex(std::max(0, m_stageCombo->findData(stageId)));
    m_model->showStage(stageId);
    updateEmptyText();
}

void LogViewer::setLive(bool live)
{
    m_live = live;
    m_model->setLive(live);
    updateEmptyText();
}

void LogViewer::addStage(const StageRef &stage)
{
    m_stages.append(stage);
    m_stageCombo->addItem(stage.name, stage.id);
    m_model->addStage(LogStageRef{stage.id, stage.name});
}

void LogViewer::updateStageCombo()
{
    m_stageCombo->clear();
    m_stageCombo->addItem(tr("All stages"), qint64(0));
    for (const StageRef &s : std::as_const(m_stages))
        m_stageCombo->addItem(s.name, s.id);
}

qint64 LogViewer::currentLine() const
{
    return m_view->currentIndex() + 1;
}

void LogViewer::find(const QString &text, bool regex, bool caseSensitive)
{
    if (m_findBar->text() != text || m_findBar->isRegex() != regex ||
        m_findBar->isCaseSensitive() != caseSensitive)
        m_findBar->setSearch(text, regex, caseSensitive);
    m_matcher = TextMatcher(text, regex, caseSensitive);
    m_jumpWhenFound = true;
    restartSearch();
}

void LogViewer::restartSearch()
{
    ++m_searchGeneration;
    for (QFuture<SearchResult> &search : m_searches)
        search.cancel();
    m_searches.clear();
    m_hits.clear();
    m_searchedTo = 0;
    m_searchRunning = false;
    m_currentHit = -1;
    m_view->setMatcher(m_matcher);
    m_view->setCurrentMatch(-1, 0);
    if (!m_matcher.isValid()) {
        m_findBar->setError(tr("Invalid regular expression: %1").arg(m_matcher.errorString()));
        emit matchCountChanged(0);
        return;
    }
    if (m_matcher.isEmpty()) {
        m_findBar->setStatus(0, 0, false);
        emit matchCountChanged(0);
        return;
    }
    continueSearch();
}

bool LogViewer::showsSearchedLines() const
{
    if (m_searchRunning || m_searchedTo == 0 || m_matcher.isEmpty() || !m_matcher.isValid() ||
        m_searchedPath != m_model->databasePath())
        return false;
    const LogDocument &now = m_model->document();
    if (now.stageIds() != m_searchedDoc.stageIds() || now.lineCount() < m_searchedTo)
        return false;
    // Every segment the search read is where it was, as long as it was then.
    const std::vector<LogDocument::Segment> &was = m_searchedDoc.segments();
    const std::vector<LogDocument::Segment> &is = now.segments();
    for (size_t s = 0; s < was.size() && was[s].firstIndex < m_searchedTo; ++s) {
        if (s >= is.size() || is[s].firstIndex != was[s].firstIndex ||
            is[s].stage != was[s].stage || is[s].firstLine != was[s].firstLine)
            return false;
        const qint64 read =
            std::min(m_searchedDoc.segmentLength(qsizetype(s)), m_searchedTo - was[s].firstIndex);
        if (now.segmentLength(qsizetype(s)) < read)
            return false;
    }
    return true;
}

void LogViewer::continueSearch()
{
    if (m_searchRunning || m_matcher.isEmpty() || !m_matcher.isValid())
        return;
    const LogDocument &doc = m_model->document();
    if (m_searchedTo >= doc.lineCount()) {
        updateFindStatus();
        return;
    }
    m_searchRunning = true;
    m_searchedDoc = doc;
    m_searchedPath = m_model->databasePath();
    updateFindStatus();
    // A long stretch is split between the pool's threads (one part each, in order), so
    // counting a word in a 2,000,000-line log takes the cores there are; the parts' hits
    // are joined in order when the last one is in.
    const qint64 from = m_searchedTo;
    const qint64 to = doc.lineCount();
    const int parts =
        to - from >= kSplitSearchLines ? std::max(1, workPool()->maxThreadCount()) : 1;
    auto results = std::make_shared<std::vector<SearchResult>>(size_t(parts));
    auto left = std::make_shared<int>(parts);
    m_searches.clear();
    for (int part = 0; part < parts; ++part) {
        const qint64 a = from + (to - from) * part / parts;
        const qint64 b = from + (to - from) * (part + 1) / parts;
        const QFuture<SearchResult> future = QtConcurrent::run(
            workPool(), &searchLines, m_model->databasePath(), doc, a, b, m_matcher);
        m_searches.append(future);
        onCurrentResult(future, this, &m_searchGeneration,
                        [this, results, left, part](SearchResult result) {
                            (*results)[size_t(part)] = std::move(result);
                            if (--*left == 0)
                                takeSearchResults(std::move(*results));
                        });
    }
}

void LogViewer::takeSearchResults(std::vector<SearchResult> parts)
{
    m_searchRunning = false;
    bool failed = false;
    for (SearchResult &result : parts) {
        m_hits.append(std::move(result.hits)); // taken over, not copied
        m_searchedTo = result.to;
        if (result.error) {
            setStatus(result.error->message);
            failed = true;
            break;
        }
    }
    if (m_jumpWhenFound && !m_hits.empty()) {
        m_jumpWhenFound = false;
        // The first match at or after the current line, else the first one.
        const qint64 from = std::max<qint64>(0, m_view->currentIndex());
        const qsizetype at = m_hits.lowerBound(from);
        goToHit(at == m_hits.size() ? 0 : at);
    }
    updateFindStatus();
    emit matchCountChanged(matchCount());
    if (!failed)
        continueSearch(); // lines that arrived meanwhile
}

void LogViewer::updateFindStatus()
{
    m_findBar->setStatus(int(m_currentHit + 1), matchCount(), m_searchRunning);
}

void LogViewer::goToHit(qsizetype hit)
{
    if (hit < 0 || hit >= m_hits.size())
        return;
    m_currentHit = hit;
    const qint64 index = m_hits[hit];
    qsizetype first = hit;
    while (first > 0 && m_hits[first - 1] == index)
        --first;
    m_view->setCurrentIndex(index);
    m_view->setCurrentMatch(index, int(hit - first));
    updateFindStatus();
}

void LogViewer::findNext()
{
    if (m_hits.empty()) {
        if (m_findBar->isHidden())
            m_findBar->activate();
        return;
    }
    goToHit(m_currentHit + 1 < m_hits.size() ? m_currentHit + 1 : 0);
}

void LogViewer::findPrevious()
{
    if (m_hits.empty()) {
        if (m_findBar->isHidden())
            m_findBar->activate();
        return;
    }
    goToHit(m_currentHit > 0 ? m_currentHit - 1 : m_hits.size() - 1);
}

void LogViewer::jumpToFirstError()
{
    const LogDocument &doc = m_model->document();
    setStatus(tr("Looking for the first error…"));
    m_errorScan.cancel(); // the last press wins
    ++m_errorGeneration;
    m_errorScan = QtConcurrent::run(workPool(), &findFirstError, m_model->databasePath(), doc, 0,
                                    doc.lineCount());
    onCurrentResult(m_errorScan, this, &m_errorGeneration, [this](const FirstErrorResult &result) {
        if (result.error) {
            setStatus(result.error->message);
            return;
        }
        if (result.index < 0) {
            setStatus(tr("No error lines: none on stderr mentions error, fail, fatal, "
                         "exception or traceback, and none says error, FAILED or "
                         "Traceback"));
            emit firstErrorFound(0);
            return;
        }
        setStatus(QString());
        m_view->setCurrentIndex(result.index);
        emit firstErrorFound(result.index + 1);
    });
}

void LogViewer::copy()
{
    bool truncated = false;
    const QString text = m_view->selectedText(&truncated);
    if (text.isEmpty())
        return;
    QGuiApplication::clipboard()->setText(text);
    setStatus(truncated ? tr("Copied the last %1 selected lines; use Save Log for the whole log")
                              .arg(QLocale().toString(LogView::kMaxCopyLines))
                        : QString());
}

void LogViewer::saveTo(const QString &fileName)
{
    SaveOptions options;
    options.timestamps = m_timestamps->isChecked();
    options.stageNames = m_model->stageNames();
    const auto future = QtConcurrent::run(workPool(), &saveLines, m_model->databasePath(),
                                          m_model->document(), fileName, options);
    m_save->setEnabled(false);
    m_progress->setValue(0);
    m_progress->show();
    onProgress(future, m_progress, [this](int value) { m_progress->setValue(value); });
    onResultReady(future, this, [this, fileName](const SaveResult &result) {
        m_progress->hide();
        m_save->setEnabled(true);
        const QString message =
            result.error
                ? result.error->message
                : tr("Saved %1 lines to %2").arg(QLocale().toString(result.lines), fileName);
        setStatus(message);
        emit saveFinished(!result.error, message);
    });
}

} // namespace DeployDesk::Ui
