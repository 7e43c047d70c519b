#include "ui/logview/logview.h"

#include "ui/logview/ansicolours.h"
#include "ui/logview/logmodel.h"

#include <QApplication>
#include <QDateTime>
#include <QFontDatabase>
#include <QKeyEvent>
#include <QPainter>
#include <QScrollBar>
#include <QTextLayout>

namespace DeployDesk::Ui {

namespace {
constexpr int kMaxDrawnChars = 20000; // a longer line is cut when drawn (Save keeps it whole)
constexpr int kPadding = 6;
} // namespace

LogView::LogView(QWidget *parent)
    : QAbstractScrollArea(parent)
{
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(tr("Log"));
    setAccessibleDescription(tr("The stage output; arrows move, Shift selects, Left and Right "
                                "collapse and expand groups"));
    viewport()->setCursor(Qt::IBeamCursor);
    verticalScrollBar()->setSingleStep(1);
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        if (!m_scrolling) {
            const bool atBottom = value >= verticalScrollBar()->maximum();
            if (atBottom != m_follow) {
                m_follow = atBottom;
                emit followTailChanged(m_follow);
            }
        }
        viewport()->update();
    });
    connect(horizontalScrollBar(), &QScrollBar::valueChanged, viewport(),
            qOverload<>(&QWidget::update));
    changeEvent(nullptr);
}

LogView::~LogView() = default;

void LogView::setModel(LogModel *model)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    if (model) {
        connect(model, &QAbstractItemModel::rowsInserted, this, &LogView::onRowsInserted);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &LogView::updateScrollRange);
        connect(model, &QAbstractItemModel::modelReset, this, [this] {
            m_heights.clear();
            m_anchor = m_cursor = -1;
            m_maxTextWidth = 0;
            updateScrollRange();
            if (!m_follow)
                setTopRow(0);
            viewport()->update();
        });
        connect(model, &QAbstractItemModel::dataChanged, viewport(), qOverload<>(&QWidget::update));
    }
    updateScrollRange();
}

void LogView::changeEvent(QEvent *event)
{
    if (event)
        QAbstractScrollArea::changeEvent(event);
    if (!event || event->type() == QEvent::FontChange) {
        const QFontMetrics fm(font());
        m_lineHeight = std::max(1, fm.lineSpacing());
        m_charWidth = std::max(1, fm.horizontalAdvance(QLatin1Char('0')));
        m_heights.clear();
        updateScrollRange();
    }
}

void LogView::setWrap(bool wrap)
{
    if (wrap == m_wrap)
        return;
    const int top = topRow();
    m_wrap = wrap;
    m_heights.clear();
    setHorizontalScrollBarPolicy(wrap ? Qt::ScrollBarAlwaysOff : Qt::ScrollBarAsNeeded);
    updateScrollRange();
    if (!m_follow)
        setTopRow(top);
    viewport()->update();
}

void LogView::setShowTimestamps(bool show)
{
    m_timestamps = show;
    m_heights.clear();
    updateScrollRange();
    viewport()->update();
}

void LogView::setFollowTail(bool follow)
{
    if (follow != m_follow) {
        m_follow = follow;
        emit followTailChanged(follow);
    }
    if (follow)
        setTopRow(verticalScrollBar()->maximum());
}

void LogView::setPlaceholderText(const QString &text)
{
    m_placeholder = text;
    viewport()->update();
}

void LogView::setMatcher(const Internal::TextMatcher &matcher)
{
    m_matcher = matcher;
    viewport()->update();
}

void LogView::setCurrentMatch(qint64 index, int ordinal)
{
    m_matchIndex = index;
    m_matchOrdinal = ordinal;
    viewport()->update();
}

int LogView::topRow() const
{
    return verticalScrollBar()->value();
}

int LogView::visibleRowCount() const
{
    return int(m_painted.size());
}

bool LogView::isAtBottom() const
{
    return topRow() >= verticalScrollBar()->maximum();
}

void LogView::setTopRow(int row)
{
    m_scrolling = true;
    verticalScrollBar()->setValue(row);
    m_scrolling = false;
    viewport()->update();
}

LogView::Columns LogView::columns() const
{
    Columns c;
    const qint64 lines = m_model ? m_model->document().lineCount() : 0;
    c.number = (std::max(4, int(QString::number(lines).size())) + 1) * m_charWidth;
    c.group = m_charWidth * 2;
    c.time = m_timestamps ? 13 * m_charWidth : 0;
    if (m_model && m_model->isInterleaved()) {
        int longest = 0;
        for (const QString &name : m_model->stageNames())
            longest = std::max(longest, int(name.size()));
        c.stage = (std::min(longest, 24) + 2) * m_charWidth;
    }
    c.text = kPadding + c.number + c.group + c.time + c.stage;
    c.textWidth = std::max(m_charWidth * 8, viewport()->width() - c.text - kPadding);
    return c;
}

void LogView::layoutText(QTextLayout &layout, int row, int width) const
{
    const LogModel::RowData d = m_model->rowData(row);
    QString text = d.text;
    if (text.size() > kMaxDrawnChars)
        text = text.left(kMaxDrawnChars) + QStringLiteral(" …");
    layout.setText(text);
    layout.setFont(font());
    QTextOption option;
    option.setWrapMode(m_wrap ? QTextOption::WrapAtWordBoundaryOrAnywhere : QTextOption::NoWrap);
    layout.setTextOption(option);
    QList<QTextLayout::FormatRange> formats;
    if (d.stream == LogStream::System) {
        QTextCharFormat f;
        f.setForeground(palette().color(QPalette::PlaceholderText));
        formats.append({0, int(text.size()), f});
    }
    formats.append(ansiFormats(d.spans, palette()));
    if (!m_matcher.isEmpty()) {
        int ordinal = 0;
        for (const auto &[start, length] : m_matcher.find(text)) {
            QTextCharFormat f;
            const bool current = d.index == m_matchIndex && ordinal++ == m_matchOrdinal;
            f.setBackground(current ? QColor(0xff, 0x96, 0x32) : QColor(0xff, 0xe0, 0x66));
            f.setForeground(Qt::black);
            formats.append({start, length, f});
        }
    }
    layout.setFormats(formats);
    layout.beginLayout();
    int y = 0;
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(m_wrap ? width : 1e7);
        line.setPosition(QPointF(0, y));
        y += m_lineHeight;
    }
    layout.endLayout();
}

int LogView::rowHeight(int row) const
{
    if (!m_wrap || !m_model)
        return m_lineHeight;
    const qint64 index = m_model->documentIndex(row);
    if (auto it = m_heights.constFind(index); it != m_heights.constEnd())
        return *it;
    QTextLayout layout;
    layoutText(layout, row, columns().textWidth);
    const int height = std::max(1, layout.lineCount()) * m_lineHeight;
    if (m_heights.size() > 20000)
        m_heights.clear();
    m_heights.insert(index, height);
    return height;
}

int LogView::topRowShowingBottom(int lastRow) const
{
    const int height = viewport()->height();
    if (!m_wrap)
        return std::max(0, lastRow - std::max(1, height / m_lineHeight) + 1);
    int total = 0;
    int row = lastRow;
    while (row >= 0) {
        const int h = rowHeight(row);
        if (total + h > height)
            break;
        total += h;
        --row;
    }
    return std::min(lastRow, row + 1);
}

void LogView::updateScrollRange()
{
    const int rows = m_model ? m_model->rowCount() : 0;
    m_scrolling = true;
    QScrollBar *v = verticalScrollBar();
    v->setRange(0, rows > 0 ? topRowShowingBottom(rows - 1) : 0);
    v->setPageStep(std::max(1, viewport()->height() / m_lineHeight));
    if (m_follow)
        v->setValue(v->maximum());
    const Columns c = columns();
    QScrollBar *h = horizontalScrollBar();
    h->setRange(0, m_wrap ? 0 : std::max(0, m_maxTextWidth - c.textWidth + m_charWidth));
    h->setPageStep(c.textWidth);
    h->setSingleStep(m_charWidth * 4);
    m_scrolling = false;
    viewport()->update();
}

void LogView::onRowsInserted()
{
    updateScrollRange();
}

void LogView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    m_heights.clear();
    updateScrollRange();
}

void LogView::paintEvent(QPaintEvent *)
{
    QPainter p(viewport());
    const QPalette &pal = palette();
    p.fillRect(viewport()->rect(), pal.color(QPalette::Base));
    m_painted.clear();
    const int rows = m_model ? m_model->rowCount() : 0;
    if (rows == 0) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(viewport()->rect(), Qt::AlignCenter | Qt::TextWordWrap, m_placeholder);
        return;
    }
    const Columns c = columns();
    const int hscroll = m_wrap ? 0 : horizontalScrollBar()->value();
    int selFirst = -1;
    int selLast = -1;
    if (m_cursor >= 0) {
        const int a = m_model->rowForIndex(m_anchor >= 0 ? m_anchor : m_cursor);
        const int b = m_model->rowForIndex(m_cursor);
        selFirst = std::min(a, b);
        selLast = std::max(a, b);
    }
    const QColor dim = pal.color(QPalette::PlaceholderText);
    QColor selection = pal.color(QPalette::Highlight);
    selection.setAlphaF(0.35f);
    const int height = viewport()->height();
    int y = 0;
    for (int row = topRow(); row < rows && y < height; ++row) {
        QTextLayout layout;
        layoutText(layout, row, c.textWidth);
        const int h = m_wrap ? std::max(1, layout.lineCount()) * m_lineHeight : m_lineHeight;
        const LogModel::RowData d = m_model->rowData(row);
        const QRect rowRect(0, y, viewport()->width(), h);
        if (row >= selFirst && row <= selLast && selFirst >= 0)
            p.fillRect(rowRect, selection);
        if (d.index == m_cursor && hasFocus()) {
            p.setPen(QPen(pal.color(QPalette::Highlight), 1, Qt::DotLine));
            p.drawRect(rowRect.adjusted(0, 0, -1, -1));
        }
        p.setPen(dim);
        int x = kPadding;
        p.drawText(QRect(x, y, c.number - m_charWidth, m_lineHeight),
                   Qt::AlignRight | Qt::AlignVCenter, QString::number(d.index + 1));
        x += c.number;
        if (d.group != LogModel::NoGroup) {
            p.setPen(pal.color(QPalette::Text));
            const QChar arrow = d.group == LogModel::CollapsedGroup ? QChar(0x25b8) : QChar(0x25be);
            p.drawText(QRect(x, y, c.group, m_lineHeight), Qt::AlignCenter, arrow);
            p.setPen(dim);
        }
        x += c.group;
        if (c.time > 0) {
            p.drawText(QRect(x, y, c.time, m_lineHeight), Qt::AlignLeft | Qt::AlignVCenter,
                       QDateTime::fromMSecsSinceEpoch(d.timestampMs).toString(u"HH:mm:ss.zzz"));
            x += c.time;
        }
        if (c.stage > 0) {
            const QString name = m_model->stageName(d.stage);
            p.drawText(
                QRect(x, y, c.stage - m_charWidth, m_lineHeight), Qt::AlignLeft | Qt::AlignVCenter,
                QFontMetrics(font()).elidedText(name, Qt::ElideRight, c.stage - m_charWidth));
        }
        p.save();
        p.setClipRect(QRect(c.text, y, c.textWidth + kPadding, h));
        p.setPen(pal.color(QPalette::Text));
        if (d.group != LogModel::NoGroup) {
            QFont bold = font();
            bold.setBold(true);
            layout.setFont(bold);
        }
        layout.draw(&p, QPointF(c.text - hscroll, y));
        p.restore();
        if (!m_wrap && layout.lineCount() > 0)
            m_maxTextWidth = std::max(m_maxTextWidth, int(layout.lineAt(0).naturalTextWidth()));
        m_painted.push_back(Painted{row, y, h});
        y += h;
    }
    QScrollBar *hbar = horizontalScrollBar();
    const int hmax = m_wrap ? 0 : std::max(0, m_maxTextWidth - c.textWidth + m_charWidth);
    if (hbar->maximum() < hmax)
        hbar->setRange(0, hmax);
}

int LogView::rowAt(int y) const
{
    for (const Painted &p : m_painted) {
        if (y >= p.y && y < p.y + p.height)
            return p.row;
    }
    return m_painted.empty() ? -1 : m_painted.back().row;
}

void LogView::scrollToRow(int row, bool center)
{
    if (row < 0)
        return;
    if (m_follow) {
        m_follow = false;
        emit followTailChanged(false);
    }
    const int top = topRow();
    const int bottomTop = topRowShowingBottom(row); // top that shows `row` last
    if (center) {
        const int rowsOnScreen = std::max(1, viewport()->height() / m_lineHeight);
        setTopRow(std::max(0, row - rowsOnScreen / 2));
    } else if (row < top) {
        setTopRow(row);
    } else if (top < bottomTop) {
        setTopRow(bottomTop);
    }
    // At the bottom again: following resumes (as when the user scrolls there).
    if (isAtBottom() && !m_follow && m_model && row == m_model->rowCount() - 1) {
        m_follow = true;
        emit followTailChanged(true);
    }
}

void LogView::setCurrentIndex(qint64 index)
{
    if (!m_model)
        return;
    const int row = m_model->rowForIndex(index, true);
    if (row < 0)
        return;
    m_anchor = m_cursor = index;
    scrollToRow(row, true);
    emit currentIndexChanged(index);
    viewport()->update();
}

void LogView::moveCursor(int row, bool extend)
{
    if (!m_model || m_model->rowCount() == 0)
        return;
    row = std::clamp(row, 0, m_model->rowCount() - 1);
    const qint64 index = m_model->documentIndex(row);
    if (!extend || m_anchor < 0)
        m_anchor = index;
    m_cursor = index;
    scrollToRow(row, false);
    emit currentIndexChanged(index);
    viewport()->update();
}

void LogView::selectAll()
{
    if (!m_model || m_model->rowCount() == 0)
        return;
    m_anchor = m_model->documentIndex(0);
    m_cursor = m_model->documentIndex(m_model->rowCount() - 1);
    viewport()->update();
}

QString LogView::selectedText(bool *truncated) const
{
    if (truncated)
        *truncated = false;
    if (!m_model || m_cursor < 0)
        return {};
    const int a = m_model->rowForIndex(m_anchor >= 0 ? m_anchor : m_cursor);
    const int b = m_model->rowForIndex(m_cursor);
    if (a < 0 || b < 0)
        return {};
    int first = std::min(a, b);
    const int last = std::max(a, b);
    if (last - first + 1 > kMaxCopyLines) {
        first = last - kMaxCopyLines + 1;
        if (truncated)
            *truncated = true;
    }
    QStringList lines;
    lines.reserve(last - first + 1);
    for (int row = first; row <= last; ++row)
        lines.append(m_model->plainText(row));
    return lines.join(QLatin1Char('\n'));
}

void LogView::keyPressEvent(QKeyEvent *event)
{
    if (!m_model) {
        QAbstractScrollArea::keyPressEvent(event);
        return;
    }
    const int row = m_cursor >= 0 ? m_model->rowForIndex(m_cursor) : topRow();
    const bool shift = event->modifiers() & Qt::ShiftModifier;
    const int page = std::max(1, viewport()->height() / m_lineHeight - 1);
    if (event == QKeySequence::SelectAll) {
        selectAll();
        return;
    }
    switch (event->key()) {
    case Qt::Key_Up:
        moveCursor(row - 1, shift);
        return;
    case Qt::Key_Down:
        moveCursor(row + 1, shift);
        return;
    case Qt::Key_PageUp:
        moveCursor(row - page, shift);
        return;
    case Qt::Key_PageDown:
        moveCursor(row + page, shift);
        return;
    case Qt::Key_Home:
        moveCursor(0, shift);
        return;
    case Qt::Key_End:
        moveCursor(m_model->rowCount() - 1, shift);
        return;
    case Qt::Key_Left:
        if (m_model->setGroupCollapsed(row, true))
            return;
        horizontalScrollBar()->triggerAction(QAbstractSlider::SliderSingleStepSub);
        return;
    case Qt::Key_Right:
        if (m_model->setGroupCollapsed(row, false))
            return;
        horizontalScrollBar()->triggerAction(QAbstractSlider::SliderSingleStepAdd);
        return;
    case Qt::Key_Space:
    case Qt::Key_Return:
    case Qt::Key_Enter:
        m_model->toggleGroup(row);
        return;
    default:
        QAbstractScrollArea::keyPressEvent(event);
    }
}

void LogView::mousePressEvent(QMouseEvent *event)
{
    const int row = rowAt(event->position().toPoint().y());
    if (!m_model || row < 0 || event->button() != Qt::LeftButton) {
        QAbstractScrollArea::mousePressEvent(event);
        return;
    }
    const Columns c = columns();
    const int x = event->position().toPoint().x();
    if (x >= kPadding + c.number && x < kPadding + c.number + c.group && m_model->toggleGroup(row))
        return;
    moveCursor(row, event->modifiers() & Qt::ShiftModifier);
}

void LogView::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_model || !(event->buttons() & Qt::LeftButton))
        return;
    const int y = event->position().toPoint().y();
    int row = rowAt(y);
    if (y < 0)
        row = topRow() - 1;
    else if (y >= viewport()->height() && !m_painted.empty())
        row = m_painted.back().row + 1;
    moveCursor(row, true);
}

void LogView::mouseDoubleClickEvent(QMouseEvent *event)
{
    const int row = rowAt(event->position().toPoint().y());
    if (!m_model || row < 0 || !m_model->toggleGroup(row))
        QAbstractScrollArea::mouseDoubleClickEvent(event);
}

} // namespace DeployDesk::Ui
