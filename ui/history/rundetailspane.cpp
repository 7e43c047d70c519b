#include "rundetailspane.h"

#include "common/duration.h"
#include "run/runreport.h"
#include "store/eventtext.h"
#include "store/historystore.h"
#include "ui/common/mnemonic.h"
#include "ui/common/statusstyle.h"
#include "ui/history/historyreader.h"

#include <QDesktopServices>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QStyle>
#include <QStyledItemDelegate>
#include <QTabWidget>
#include <QTimer>
#include <QTreeWidget>
#include <QUrl>
#include <QVBoxLayout>

namespace DeployDesk::Ui {

namespace {
QString localTime(const QDateTime &t)
{
    return t.isValid() ? t.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                       : QString();
}

QString durationText(qint64 ms)
{
    return ms < 0 ? QString() : formatDuration(std::chrono::milliseconds(ms));
}

// Row heights from the text wrapped at the width of the `wrapping` column: a tree view
// asks its delegate for a row's height without saying how wide the column is, so the text
// never wraps. The other columns keep their text on one line (and their width from it).
class WrappingDelegate final : public QStyledItemDelegate
{
public:
    WrappingDelegate(QTreeView *view, int wrapping)
        : QStyledItemDelegate(view)
        , m_view(view)
        , m_wrapping(wrapping)
    {}

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem measured = option;
        if (index.column() == m_wrapping) // the style wraps in a valid rectangle only
            measured.rect = QRect(0, 0, m_view->header()->sectionSize(m_wrapping), 1 << 16);
        else
            measured.features &= ~QStyleOptionViewItem::WrapText;
        return QStyledItemDelegate::sizeHint(measured, index);
    }

    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (index.column() != m_wrapping)
            option->features &= ~QStyleOptionViewItem::WrapText;
    }

private:
    QTreeView *m_view;
    int m_wrapping;
};

// A list whose short columns take the width of what they hold and whose `wrapping` column
// (a reason, a message, a path) takes the rest and wraps its text onto more lines, so the
// pane never needs a horizontal scroll bar at the window's usual sizes.
QTreeWidget *makeList(const QStringList &headers, int wrapping, const QString &name,
                      QWidget *parent)
{
    auto *list = new QTreeWidget(parent);
    list->setHeaderLabels(headers);
    list->setRootIsDecorated(false);
    list->setAccessibleName(name);
    list->setWordWrap(true);
    list->setItemDelegate(new WrappingDelegate(list, wrapping));
    list->header()->setStretchLastSection(false);
    list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    list->header()->setSectionResizeMode(wrapping, QHeaderView::Stretch);
    // A wider or narrower column wraps the text anew: the rows are measured again once the
    // resizing settles.
    auto *relayout = new QTimer(list);
    relayout->setSingleShot(true);
    QObject::connect(relayout, &QTimer::timeout, list, &QTreeView::doItemsLayout);
    QObject::connect(list->header(), &QHeaderView::sectionResized, relayout,
                     [relayout, wrapping](int column) {
                         if (column == wrapping)
                             relayout->start(0);
                     });
    return list;
}
} // namespace

// A run's rows, read on the reader's thread.
struct RunDetailsPane::Details
{
    std::optional<Error> error;
    RunRecord run;
    QList<StageRecord> stages;
    QList<EventRecord> events;
    QList<ArtifactRecord> artifacts;
    QList<AnnotationRecord> annotations;
    QHash<qint64, QString> reusedNotes; // stage id -> "reused from run 5 (stage build)"
};

RunDetailsPane::RunDetailsPane(QWidget *parent)
    : QWidget(parent)
{
    m_header = new QLabel(this);
    m_header->setTextFormat(Qt::PlainText);
    m_header->setWordWrap(true);
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_header->setAccessibleName(tr("Run summary"));
    // A remote run's URL, as a link (Tab reaches it, Enter opens it in the browser).
    m_remote = new QLabel(this);
    m_remote->setObjectName(QStringLiteral("remoteRunLabel"));
    m_remote->setTextFormat(Qt::RichText);
    m_remote->setWordWrap(true);
    m_remote->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    m_remote->setAccessibleName(tr("Where the run ran"));
    m_remote->hide();
    connect(m_remote, &QLabel::linkActivated, this,
            [](const QString &link) { QDesktopServices::openUrl(QUrl(link)); });
    m_stages = makeList({tr("Stage"), tr("Status"), tr("Attempts"), tr("Duration"), tr("Reason"),
                         tr("Reused"), tr("Annotations")},
                        StageReasonColumn, tr("Stages of the run"), this);
    m_events = makeList({tr("Time"), tr("Stage"), tr("Kind"), tr("Message"), tr("Who")},
                        EventMessageColumn, tr("Events of the run"), this);
    m_artifacts = makeList({tr("Path"), tr("Size"), tr("SHA-256")}, ArtifactPathColumn,
                           tr("Artifacts of the run"), this);
    m_tabs = new QTabWidget(this);
    m_tabs->setAccessibleName(tr("Run details"));
    m_tabs->addTab(m_stages, withoutMnemonic(tr("&Stages")));
    m_tabs->addTab(m_events, withoutMnemonic(tr("E&vents")));
    m_tabs->addTab(m_artifacts, withoutMnemonic(tr("&Artifacts")));
    m_annotations = makeList({tr("Stage"), tr("Level"), tr("Location"), tr("Message")},
                             AnnotationMessageColumn, tr("Annotations of the run"), this);
    m_tabs->addTab(m_annotations, withoutMnemonic(tr("A&nnotations")));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_header);
    layout->addWidget(m_remote);
    layout->addWidget(m_tabs, 1);

    const auto activate = [this](QTreeWidgetItem *item) {
        if (item && m_runId)
            emit stageActivated(m_runId, item->data(StageNameColumn, StageIdRole).toLongLong());
    };
    connect(m_stages, &QTreeWidget::itemActivated, this, activate);
    connect(m_annotations, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        const qint64 stageId =
            item ? item->data(AnnotationStageColumn, StageIdRole).toLongLong() : 0;
        if (stageId && m_runId)
            emit stageActivated(m_runId, stageId);
    });
    clearAll(tr("Select a run to see its stages, events and artifacts."));
}

void RunDetailsPane::setReader(std::shared_ptr<Internal::HistoryReader> reader)
{
    m_reader = std::move(reader);
}

void RunDetailsPane::clearAll(const QString &message)
{
    m_runId = 0;
    m_filledRunId = 0;
    m_header->setText(message);
    m_remote->clear();
    m_remote->hide();
    m_stages->clear();
    m_events->clear();
    m_artifacts->clear();
    m_annotations->clear();
    // Columns that only some runs fill stay out of the way until one does.
    m_stages->setColumnHidden(StageReusedColumn, true);
    m_stages->setColumnHidden(StageAnnotationsColumn, true);
}

QString RunDetailsPane::headerText() const
{
    if (m_remote->isHidden())
        return m_header->text();
    return m_header->text() + QLatin1Char('\n') + m_remoteText;
}

qint64 RunDetailsPane::currentStageId() const
{
    const QTreeWidgetItem *item = m_stages->currentItem();
    return item ? item->data(StageNameColumn, StageIdRole).toLongLong() : 0;
}

void RunDetailsPane::fillHeader(const RunRecord &r)
{
    QStringList lines;
    lines << tr("Run %1 of %2: %3").arg(r.id).arg(r.pipeline, statusText(r.status));
    const QString none = tr("none");
    lines << tr("Environment: %1    Branch: %2    Commit: %3")
                 .arg(r.environment.isEmpty() ? none : r.environment,
                      r.branch.isEmpty() ? none : r.branch,
                      r.commit.isEmpty() ? none
                      : r.dirty          ? tr("%1 with uncommitted changes").arg(r.commit.left(12))
                                         : r.commit.left(12));
    if (r.dirty)
        lines << tr("Uncommitted changes: %1").arg(r.changedFiles.join(QStringLiteral(", ")));
    lines << tr("Triggered by: %1    Started: %2    Duration: %3")
                 .arg(r.triggeredBy, localTime(r.startedAt),
                      r.durationMs() < 0 ? tr("still running") : durationText(r.durationMs()));
    if (!r.message.isEmpty())
        lines << tr("Message: %1").arg(r.message);
    if (r.rerunOf)
        lines << tr("Re-run of run %1").arg(r.rerunOf);
    m_header->setText(lines.join(QLatin1Char('\n')));
    // Not a colour but words, and the place to see it.
    m_remoteText = r.remoteUrl.isEmpty() ? tr("Ran on GitHub Actions")
                                         : tr("Ran on GitHub Actions: %1").arg(r.remoteUrl);
    m_remote->setText(r.remoteUrl.isEmpty() ? m_remoteText.toHtmlEscaped()
                                            : tr("Ran on GitHub Actions: %1")
                                                  .arg(QStringLiteral("<a href=\"%1\">%2</a>")
                                                           .arg(r.remoteUrl.toHtmlEscaped(),
                                                                r.remoteUrl.toHtmlEscaped())));
    m_remote->setToolTip(r.remoteUrl.isEmpty() ? QString() : tr("Open the run on GitHub"));
    m_remote->setVisible(r.remote);
}

void RunDetailsPane::showRun(qint64 runId)
{
    ++m_generation;
    m_loading = false;
    if (runId <= 0 || !m_reader) {
        clearAll(tr("Select a run to see its stages, events and artifacts."));
        if (runId > 0)
            emit runLoaded(runId, false);
        return;
    }
    m_runId = runId;
    m_loading = true;
    if (m_filledRunId != runId) {
        // Another run: no rows of the previous one meanwhile. The same run again (a
        // refresh) keeps its rows until the new ones arrive.
        m_header->setText(tr("Loading run %1…").arg(runId));
        m_remote->hide();
        m_stages->clear();
        m_events->clear();
        m_artifacts->clear();
        m_annotations->clear();
        m_filledRunId = 0;
    }
    const quint64 generation = m_generation;
    m_reader->read(
        this,
        [runId](HistoryStore *store) {
            Details d;
            if (!store) {
                d.error = Error{
                    ErrorCode::Unavailable, tr("the history cannot be opened"), {}, std::nullopt};
                return d;
            }
            auto run = store->run(runId);
            auto stages = store->stages(runId);
            auto events = store->events(runId);
            auto artifacts = store->artifacts(runId);
            auto annotations = store->annotations(runId);
            if (!run || !stages || !events || !artifacts || !annotations) {
                d.error = !run         ? run.error()
                          : !stages    ? stages.error()
                          : !events    ? events.error()
                          : !artifacts ? artifacts.error()
                                       : annotations.error();
                return d;
            }
            d.annotations = std::move(*annotations);
            d.run = std::move(*run);
            d.stages = std::move(*stages);
            for (const StageRecord &s : std::as_const(d.stages))
                if (s.reusedFrom)
                    d.reusedNotes.insert(s.id, reusedNote(*store, s));
            d.events = std::move(*events);
            d.artifacts = std::move(*artifacts);
            return d;
        },
        [this, generation, runId](Details details) {
            if (generation != m_generation)
                return; // another run was asked for meanwhile
            m_loading = false;
            if (details.error) {
                clearAll(details.error->toString());
                emit runLoaded(runId, false);
                return;
            }
            fill(details);
            emit runLoaded(runId, true);
        });
}

void RunDetailsPane::fill(const Details &d)
{
    m_filledRunId = d.run.id;
    fillHeader(d.run);

    // Per stage: how many errors, warnings and notices it reported.
    QHash<QString, std::array<int, 3>> counts;
    for (const AnnotationRecord &a : d.annotations)
        ++counts[a.stage][int(a.annotation.level)];
    const auto countText = [](const std::array<int, 3> &c) {
        QStringList parts;
        if (c[int(Annotation::Level::Error)])
            parts << tr("%n error(s)", nullptr, c[int(Annotation::Level::Error)]);
        if (c[int(Annotation::Level::Warning)])
            parts << tr("%n warning(s)", nullptr, c[int(Annotation::Level::Warning)]);
        if (c[int(Annotation::Level::Notice)])
            parts << tr("%n notice(s)", nullptr, c[int(Annotation::Level::Notice)]);
        return parts.join(QStringLiteral(", "));
    };
    QHash<QString, qint64> stageIds;

    m_stages->clear();
    QList<QTreeWidgetItem *> items;
    for (const StageRecord &s : d.stages) {
        stageIds.insert(s.name, s.id);
        auto *item = new QTreeWidgetItem(QStringList{
            s.name,
            s.isAllowedFailure() ? tr("Failed, allowed (continue-on-error)") : statusText(s.status),
            QString::number(s.attempts), durationText(s.durationMs()), s.reason,
            d.reusedNotes.value(s.id),
            counts.contains(s.name) ? countText(counts[s.name]) : QString()});
        item->setIcon(StageStatusColumn, statusIcon(s.status));
        item->setForeground(StageStatusColumn, s.isAllowedFailure()
                                                   ? allowedFailureTextColour(m_stages->palette())
                                                   : statusColour(s.status, m_stages->palette()));
        item->setToolTip(StageReusedColumn, d.reusedNotes.value(s.id));
        item->setData(StageNameColumn, StageIdRole, s.id);
        item->setTextAlignment(StageAttemptsColumn, Qt::AlignRight | Qt::AlignVCenter);
        item->setTextAlignment(StageDurationColumn, Qt::AlignRight | Qt::AlignVCenter);
        item->setToolTip(StageReasonColumn, s.reason);
        items.append(item);
    }
    m_stages->addTopLevelItems(items);

    m_events->clear();
    items.clear();
    for (const EventRecord &e : d.events)
        items.append(new QTreeWidgetItem(
            QStringList{localTime(e.at), e.stage, eventKindText(e.kind), eventText(e), e.who}));
    m_events->addTopLevelItems(items);

    m_artifacts->clear();
    items.clear();
    const QLocale locale;
    for (const ArtifactRecord &a : d.artifacts) {
        const QString path = a.stage.isEmpty() ? a.path : a.stage + QLatin1Char('/') + a.path;
        auto *item = new QTreeWidgetItem(
            QStringList{path, locale.formattedDataSize(a.size), a.sha256.left(12)});
        item->setToolTip(ArtifactHashColumn, a.sha256);
        item->setToolTip(ArtifactPathColumn, a.storedPath);
        items.append(item);
    }
    m_artifacts->addTopLevelItems(items);

    m_annotations->clear();
    items.clear();
    for (const AnnotationRecord &a : d.annotations) {
        const Annotation &n = a.annotation;
        const QString level = n.level == Annotation::Level::Error     ? tr("Error")
                              : n.level == Annotation::Level::Warning ? tr("Warning")
                                                                      : tr("Notice");
        const QString message =
            n.title.isEmpty() ? n.message : tr("%1: %2").arg(n.title, n.message);
        auto *item =
            new QTreeWidgetItem(QStringList{a.stage, level, annotationLocation(n), message});
        item->setIcon(AnnotationLevelColumn,
                      style()->standardIcon(n.level == Annotation::Level::Error
                                                ? QStyle::SP_MessageBoxCritical
                                            : n.level == Annotation::Level::Warning
                                                ? QStyle::SP_MessageBoxWarning
                                                : QStyle::SP_MessageBoxInformation));
        item->setData(AnnotationStageColumn, StageIdRole, stageIds.value(a.stage));
        item->setToolTip(AnnotationMessageColumn, message);
        item->setToolTip(AnnotationStageColumn, tr("Enter opens the log of stage %1").arg(a.stage));
        items.append(item);
    }
    m_annotations->addTopLevelItems(items);
    m_stages->setColumnHidden(StageAnnotationsColumn, d.annotations.isEmpty());
    // "Reused" holds something only when a re-run reused stages: else its width goes to
    // the reasons.
    m_stages->setColumnHidden(StageReusedColumn, d.reusedNotes.isEmpty());
    m_tabs->setTabText(0, withoutMnemonic(tr("&Stages (%1)").arg(d.stages.size())));
    m_tabs->setTabText(1, withoutMnemonic(tr("E&vents (%1)").arg(d.events.size())));
    m_tabs->setTabText(2, withoutMnemonic(tr("&Artifacts (%1)").arg(d.artifacts.size())));
    m_tabs->setTabText(3, withoutMnemonic(tr("A&nnotations (%1)").arg(d.annotations.size())));
}

} // namespace DeployDesk::Ui
