#include "ui/pipeline/stagegraphview.h"

#include "ui/common/statusstyle.h"
#include "ui/pipeline/stagenodepainter.h"

#include "store/records.h"

#include <QAction>
#include <QContextMenuEvent>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QTimer>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace DeployDesk::Ui {

namespace {

constexpr int kMargin = 24; // viewport pixels around the graph
constexpr qreal kMinZoom = 0.1;
constexpr qreal kMaxZoom = 3.0;
constexpr qreal kZoomStep = 1.2;

bool dimsIncomingEdges(StageStatus s)
{
    return s == StageStatus::Failed || s == StageStatus::Skipped || s == StageStatus::Cancelled ||
           s == StageStatus::Interrupted;
}

QAction *addZoomAction(QWidget *owner, const QString &text, QList<QKeySequence> keys)
{
    auto *action = new QAction(text, owner);
    action->setShortcuts(keys);
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    owner->addAction(action);
    return action;
}

} // namespace

StageGraphView::StageGraphView(QWidget *parent)
    : QAbstractScrollArea(parent)
    , m_elapsedTimer(new QTimer(this))
{
    setAccessibleName(tr("Stage graph"));
    setFocusPolicy(Qt::StrongFocus);
    viewport()->setMouseTracking(false);
    horizontalScrollBar()->setSingleStep(20);
    verticalScrollBar()->setSingleStep(20);
    m_elapsedTimer->setInterval(1000);
    connect(m_elapsedTimer, &QTimer::timeout, viewport(), qOverload<>(&QWidget::update));

    // The node under the pointer (or the selected one, from the keyboard) offers to run
    // it; the zoom actions follow.
    setContextMenuPolicy(Qt::DefaultContextMenu);
    connect(addZoomAction(this, tr("Zoom &In"),
                          {QKeySequence(Qt::CTRL | Qt::Key_Equal), QKeySequence::ZoomIn}),
            &QAction::triggered, this, &StageGraphView::zoomIn);
    connect(addZoomAction(this, tr("Zoom &Out"), {QKeySequence::ZoomOut}), &QAction::triggered,
            this, &StageGraphView::zoomOut);
    connect(addZoomAction(this, tr("&Fit Graph"), {QKeySequence(Qt::CTRL | Qt::Key_0)}),
            &QAction::triggered, this, &StageGraphView::zoomToFit);
}

StageGraphView::~StageGraphView() = default;

void StageGraphView::setPipeline(const Pipeline &pipeline)
{
    const QString previous = currentStage();
    m_pipeline = pipeline;
    m_layout = layoutGraph(m_pipeline);
    m_states = QList<NodeState>(m_layout.nodes.size());
    m_index.clear();
    for (int i = 0; i < m_layout.nodes.size(); ++i)
        m_index.insert(m_layout.nodes[i].name, i);
    m_current = m_index.value(previous, -1);
    m_pressed = -1;
    updateScrollBars();
    updateTimer();
    viewport()->update();
}

void StageGraphView::updateStage(const StageRecord &stage)
{
    const int i = m_index.value(stage.name, -1);
    if (i < 0)
        return;
    NodeState &state = m_states[i];
    state.status = stage.status;
    state.attempts = stage.attempts;
    state.startedAt = stage.startedAt;
    state.finishedAt = stage.finishedAt;
    state.reused = stage.reusedFrom != 0;
    state.allowedFailure = stage.isAllowedFailure();
    state.reason = stage.reason;
    updateTimer();
    viewport()->update();
}

void StageGraphView::resetStates()
{
    for (NodeState &state : m_states)
        state = NodeState{};
    m_waitingStages.clear();
    m_waitingFor.clear();
    updateTimer();
    viewport()->update();
}

void StageGraphView::setEnvironment(const QString &environment)
{
    m_environment = environment;
    viewport()->update();
}

void StageGraphView::setSelectedStages(const QStringList &names)
{
    m_selectedStages = names;
    viewport()->update();
}

void StageGraphView::setWaitingForApproval(const QString &environment, const QStringList &stages)
{
    m_waitingFor = stages.isEmpty() ? QString() : environment;
    m_waitingStages = stages;
    viewport()->update();
}

bool StageGraphView::isWaitingForApproval(const QString &name) const
{
    // Only while it has not started: approved, it runs; refused, it is cancelled.
    return m_waitingStages.contains(name) && stageStatus(name) == StageStatus::Pending;
}

QStringList StageGraphView::stageNames() const
{
    QStringList names;
    for (const GraphLayout::Node &node : m_layout.nodes)
        names << node.name;
    return names;
}

StageStatus StageGraphView::stageStatus(const QString &name) const
{
    const int i = m_index.value(name, -1);
    return i < 0 ? StageStatus::Pending : m_states[i].status;
}

bool StageGraphView::isSkippedByCondition(const QString &name) const
{
    const Stage *stage = m_pipeline.stage(name);
    return stage && !stage->condition.matches(m_environment);
}

QString StageGraphView::nodeSubtitle(const QString &name) const
{
    const int i = m_index.value(name, -1);
    if (i < 0)
        return {};
    const NodeState &state = m_states[i];
    QStringList parts;
    if (isWaitingForApproval(name)) {
        parts << tr("Waits for approval to deploy to %1").arg(m_waitingFor);
    } else if (state.status == StageStatus::Pending && isSkippedByCondition(name)) {
        parts << (m_environment.isEmpty() ? tr("skipped without an environment")
                                          : tr("skipped for %1").arg(m_environment));
    } else if (state.allowedFailure) {
        parts << tr("Failed, allowed (continue-on-error)");
    } else {
        parts << statusText(state.status);
    }
    if (state.reused)
        parts << tr("reused");
    using std::chrono::milliseconds;
    if (state.status == StageStatus::Running && state.startedAt.isValid()) {
        parts << Internal::formatElapsed(
            milliseconds(state.startedAt.msecsTo(QDateTime::currentDateTimeUtc())));
    } else if (state.startedAt.isValid() && state.finishedAt.isValid()) {
        parts << Internal::formatStageDuration(
            milliseconds(state.startedAt.msecsTo(state.finishedAt)));
    }
    if (state.attempts > 1) {
        const Stage *stage = m_pipeline.stage(name);
        const int most = std::max(state.attempts, stage ? stage->retries + 1 : state.attempts);
        parts << tr("attempt %1/%2").arg(state.attempts).arg(most);
    }
    return parts.join(QStringLiteral(" · "));
}

QRectF StageGraphView::toViewport(const QRectF &r) const
{
    return QRectF(toViewport(r.topLeft()), r.size() * m_zoom);
}

QPointF StageGraphView::toViewport(const QPointF &p) const
{
    return QPointF(p.x() * m_zoom + kMargin - horizontalScrollBar()->value(),
                   p.y() * m_zoom + kMargin - verticalScrollBar()->value());
}

QRect StageGraphView::nodeRect(const QString &name) const
{
    const int i = m_index.value(name, -1);
    return i < 0 ? QRect() : toViewport(m_layout.nodes[i].rect).toAlignedRect();
}

QString StageGraphView::currentStage() const
{
    return m_current < 0 ? QString() : m_layout.nodes[m_current].name;
}

void StageGraphView::setCurrentStage(const QString &name)
{
    const int i = m_index.value(name, -1);
    if (i >= 0)
        select(i);
}

bool StageGraphView::isElapsedTimerActive() const
{
    return m_elapsedTimer->isActive();
}

void StageGraphView::setStageRunEnabled(bool enabled)
{
    m_stageRunEnabled = enabled;
}

QMenu *StageGraphView::createContextMenu(const QString &name, QWidget *parent)
{
    auto *menu = new QMenu(parent);
    if (!name.isEmpty() && m_index.contains(name)) {
        QAction *run = menu->addAction(tr("Run “%1” and what it needs").arg(name), this,
                                       [this, name] { emit stageRunRequested(name); });
        run->setObjectName(QStringLiteral("runStageAction"));
        run->setEnabled(m_stageRunEnabled);
        run->setStatusTip(tr("Run only %1 and the stages it needs, as deploydeskctl run "
                             "--stage %1 does")
                              .arg(name));
        menu->addSeparator();
    }
    menu->addActions(actions());
    return menu;
}

void StageGraphView::contextMenuEvent(QContextMenuEvent *event)
{
    // A right click on the viewport comes here with viewport coordinates (as every
    // viewport event of a scroll area); from the keyboard, the menu opens at the selected
    // node.
    int index = -1;
    QPoint global = event->globalPos();
    if (event->reason() == QContextMenuEvent::Mouse) {
        index = indexAt(event->pos());
        if (index >= 0)
            select(index);
    } else if (m_current >= 0) {
        index = m_current;
        global = viewport()->mapToGlobal(toViewport(m_layout.nodes[index].rect).center().toPoint());
    } else {
        global = viewport()->mapToGlobal(QPoint(kMargin, kMargin));
    }
    QMenu *menu = createContextMenu(index < 0 ? QString() : m_layout.nodes[index].name, this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->popup(global);
    event->accept();
}

void StageGraphView::setZoom(qreal zoom)
{
    zoom = std::clamp(zoom, kMinZoom, kMaxZoom);
    if (qFuzzyCompare(zoom, m_zoom))
        return;
    // Keep the point under the viewport's centre where it is.
    const QPointF centre(viewport()->width() / 2.0, viewport()->height() / 2.0);
    const QPointF layoutCentre((centre.x() - kMargin + horizontalScrollBar()->value()) / m_zoom,
                               (centre.y() - kMargin + verticalScrollBar()->value()) / m_zoom);
    m_zoom = zoom;
    updateScrollBars();
    horizontalScrollBar()->setValue(int(layoutCentre.x() * m_zoom + kMargin - centre.x()));
    verticalScrollBar()->setValue(int(layoutCentre.y() * m_zoom + kMargin - centre.y()));
    viewport()->update();
}

void StageGraphView::zoomIn()
{
    setZoom(m_zoom * kZoomStep);
}

void StageGraphView::zoomOut()
{
    setZoom(m_zoom / kZoomStep);
}

void StageGraphView::zoomToFit()
{
    const QSizeF content = m_layout.size;
    if (content.isEmpty())
        return;
    const qreal fx = (viewport()->width() - 2 * kMargin) / content.width();
    const qreal fy = (viewport()->height() - 2 * kMargin) / content.height();
    setZoom(std::clamp(std::min(fx, fy), kMinZoom, 1.0));
    horizontalScrollBar()->setValue(0);
    verticalScrollBar()->setValue(0);
}

void StageGraphView::updateScrollBars()
{
    const QSize content(int(std::ceil(m_layout.size.width() * m_zoom)) + 2 * kMargin,
                        int(std::ceil(m_layout.size.height() * m_zoom)) + 2 * kMargin);
    const QSize view = viewport()->size();
    horizontalScrollBar()->setRange(0, std::max(0, content.width() - view.width()));
    horizontalScrollBar()->setPageStep(view.width());
    verticalScrollBar()->setRange(0, std::max(0, content.height() - view.height()));
    verticalScrollBar()->setPageStep(view.height());
}

void StageGraphView::updateTimer()
{
    const bool running = std::any_of(m_states.cbegin(), m_states.cend(), [](const NodeState &s) {
        return s.status == StageStatus::Running;
    });
    if (running && !m_elapsedTimer->isActive())
        m_elapsedTimer->start();
    else if (!running)
        m_elapsedTimer->stop();
}

void StageGraphView::paintEvent(QPaintEvent *)
{
    QPainter painter(viewport());
    const QPalette pal = palette();
    painter.fillRect(viewport()->rect(), pal.color(QPalette::Base));
    if (m_layout.nodes.isEmpty()) {
        painter.setPen(pal.color(QPalette::PlaceholderText));
        painter.drawText(viewport()->rect(), Qt::AlignCenter, tr("This pipeline has no stages"));
        return;
    }
    painter.translate(kMargin - horizontalScrollBar()->value(),
                      kMargin - verticalScrollBar()->value());
    painter.scale(m_zoom, m_zoom);

    for (const GraphLayout::Edge &edge : m_layout.edges) {
        const int to = m_index.value(edge.to, -1);
        const bool dim =
            to >= 0 &&
            (dimsIncomingEdges(m_states[to].status) ||
             (m_states[to].status == StageStatus::Pending && isSkippedByCondition(edge.to)));
        Internal::paintEdge(painter, edge.points, dim, pal);
    }
    const QRectF visible = painter.transform().inverted().mapRect(QRectF(viewport()->rect()));
    for (int i = 0; i < m_layout.nodes.size(); ++i) {
        const GraphLayout::Node &node = m_layout.nodes[i];
        if (!visible.intersects(node.rect))
            continue;
        Internal::NodeLook look;
        look.name = node.name;
        look.subtitle = nodeSubtitle(node.name);
        look.status = m_states[i].status;
        look.allowedFailure = m_states[i].allowedFailure;
        look.current = i == m_current;
        look.focused = hasFocus();
        look.dashed = isSkippedByCondition(node.name);
        look.faded = !m_selectedStages.isEmpty() && !m_selectedStages.contains(node.name);
        look.waiting = isWaitingForApproval(node.name);
        Internal::paintNode(painter, node.rect, look, pal);
    }
}

void StageGraphView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateScrollBars();
}

void StageGraphView::scrollContentsBy(int, int)
{
    viewport()->update();
}

int StageGraphView::indexAt(const QPoint &viewportPos) const
{
    for (int i = 0; i < m_layout.nodes.size(); ++i)
        if (toViewport(m_layout.nodes[i].rect).contains(viewportPos))
            return i;
    return -1;
}

void StageGraphView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QAbstractScrollArea::mousePressEvent(event);
        return;
    }
    m_pressed = indexAt(event->position().toPoint());
    if (m_pressed >= 0)
        select(m_pressed);
    event->accept();
}

void StageGraphView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && m_pressed >= 0 &&
        indexAt(event->position().toPoint()) == m_pressed) {
        emit stageActivated(m_layout.nodes[m_pressed].name);
    }
    m_pressed = -1;
    event->accept();
}

void StageGraphView::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        const int delta = event->angleDelta().y();
        if (delta > 0)
            zoomIn();
        else if (delta < 0)
            zoomOut();
        event->accept();
        return;
    }
    QAbstractScrollArea::wheelEvent(event);
}

void StageGraphView::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Left:
    case Qt::Key_Right:
    case Qt::Key_Up:
    case Qt::Key_Down:
        if (event->modifiers() & ~Qt::KeypadModifier)
            break;
        moveSelection(event->key());
        event->accept();
        return;
    case Qt::Key_F10:
        if (event->modifiers() != Qt::ShiftModifier)
            break;
        [[fallthrough]];
    case Qt::Key_Menu: {
        // The context menu from the keyboard, at the selected node.
        QContextMenuEvent menuEvent(QContextMenuEvent::Keyboard, QPoint(), QPoint());
        contextMenuEvent(&menuEvent);
        event->accept();
        return;
    }
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Space:
        if (m_current >= 0) {
            emit stageActivated(m_layout.nodes[m_current].name);
            event->accept();
            return;
        }
        break;
    default:
        break;
    }
    QAbstractScrollArea::keyPressEvent(event);
}

void StageGraphView::moveSelection(int key)
{
    if (m_layout.nodes.isEmpty())
        return;
    if (m_current < 0) {
        select(0);
        return;
    }
    const GraphLayout::Node &from = m_layout.nodes[m_current];
    const qreal y = from.rect.center().y();
    int best = -1;
    qreal bestDistance = 0;
    for (int i = 0; i < m_layout.nodes.size(); ++i) {
        const GraphLayout::Node &node = m_layout.nodes[i];
        qreal distance = 0;
        if (key == Qt::Key_Left || key == Qt::Key_Right) {
            if (node.layer != from.layer + (key == Qt::Key_Right ? 1 : -1))
                continue;
            distance = std::abs(node.rect.center().y() - y);
        } else {
            if (node.layer != from.layer)
                continue;
            const qreal dy = node.rect.center().y() - y;
            if ((key == Qt::Key_Down && dy <= 0) || (key == Qt::Key_Up && dy >= 0))
                continue;
            distance = std::abs(dy);
        }
        if (best < 0 || distance < bestDistance) {
            best = i;
            bestDistance = distance;
        }
    }
    if (best >= 0)
        select(best);
}

void StageGraphView::select(int index)
{
    if (index == m_current)
        return;
    m_current = index;
    ensureVisible(index);
    const QString name = m_layout.nodes[index].name;
    setAccessibleDescription(
        tr("%1: %2").arg(name, nodeSubtitle(name))); // read by screen readers on change
    viewport()->update();
    emit stageSelected(name);
}

void StageGraphView::ensureVisible(int index)
{
    const QRectF r = toViewport(m_layout.nodes[index].rect).adjusted(-8, -8, 8, 8);
    const QRectF view(viewport()->rect());
    QScrollBar *h = horizontalScrollBar();
    QScrollBar *v = verticalScrollBar();
    if (r.left() < view.left())
        h->setValue(h->value() + int(std::floor(r.left() - view.left())));
    else if (r.right() > view.right())
        h->setValue(h->value() + int(std::ceil(std::min(r.right() - view.right(), r.left()))));
    if (r.top() < view.top())
        v->setValue(v->value() + int(std::floor(r.top() - view.top())));
    else if (r.bottom() > view.bottom())
        v->setValue(v->value() + int(std::ceil(std::min(r.bottom() - view.bottom(), r.top()))));
}

QString StageGraphView::toolTipFor(int index) const
{
    const QString name = m_layout.nodes[index].name;
    const Stage *stage = m_pipeline.stage(name);
    const NodeState &state = m_states[index];
    const QString shownStatus =
        isWaitingForApproval(name) ? tr("Waiting for approval") : statusText(state.status);
    QString html =
        QStringLiteral("<b>%1</b> — %2").arg(name.toHtmlEscaped(), shownStatus.toHtmlEscaped());
    auto line = [&html](const QString &label, const QString &value) {
        if (!value.isEmpty())
            html += QStringLiteral("<br>%1 %2").arg(label.toHtmlEscaped(), value.toHtmlEscaped());
    };
    if (stage) {
        line(tr("run:"), stage->run);
        line(tr("uses:"), stage->uses);
        line(tr("needs:"), stage->needs.join(QStringLiteral(", ")));
        line(tr("if:"), stage->condition.text);
    }
    if (isWaitingForApproval(name))
        line(tr("waits for:"),
             tr("the approval of someone allowed to deploy to %1: Run > Review Approval… "
                "(Ctrl+Shift+A)")
                 .arg(m_waitingFor));
    line(tr("reason:"), state.reason);
    if (state.allowedFailure)
        line(tr("note:"), tr("continue-on-error: this failure did not fail the run"));
    html += QStringLiteral("<br><i>%1</i>").arg(tr("Click or press Enter to open its log"));
    html += QStringLiteral("<br><i>%1</i>")
                .arg(tr("Right-click or press the Menu key to run it and what it needs"));
    return html;
}

bool StageGraphView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int i = indexAt(help->pos());
        if (i < 0) {
            QToolTip::hideText();
            event->ignore();
        } else {
            QToolTip::showText(help->globalPos(), toolTipFor(i), viewport(),
                               toViewport(m_layout.nodes[i].rect).toAlignedRect());
        }
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

} // namespace DeployDesk::Ui
