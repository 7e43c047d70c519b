#include "ui/common/flowlayout.h"

#include <QStyle>
#include <QWidget>

#include <algorithm>

namespace DeployDesk::Ui {

FlowLayout::FlowLayout(QWidget *parent)
    : QLayout(parent)
{}

FlowLayout::~FlowLayout()
{
    while (QLayoutItem *item = takeAt(0))
        delete item;
}

void FlowLayout::addItem(QLayoutItem *item)
{
    m_items.append(item);
    invalidate();
}

int FlowLayout::count() const
{
    return int(m_items.size());
}

QLayoutItem *FlowLayout::itemAt(int index) const
{
    return m_items.value(index);
}

QLayoutItem *FlowLayout::takeAt(int index)
{
    if (index < 0 || index >= m_items.size())
        return nullptr;
    QLayoutItem *item = m_items.takeAt(index);
    invalidate();
    return item;
}

Qt::Orientations FlowLayout::expandingDirections() const
{
    return Qt::Horizontal;
}

bool FlowLayout::hasHeightForWidth() const
{
    return true;
}

int FlowLayout::heightForWidth(int width) const
{
    int rows = 0;
    return arrange(QRect(0, 0, width, 0), false, &rows);
}

QSize FlowLayout::minimumSize() const
{
    QSize size;
    for (const QLayoutItem *item : m_items)
        if (!item->isEmpty())
            size = size.expandedTo(item->minimumSize());
    const QMargins m = contentsMargins();
    return size + QSize(m.left() + m.right(), m.top() + m.bottom());
}

QSize FlowLayout::sizeHint() const
{
    // All on one row.
    int width = 0, height = 0, visible = 0;
    for (const QLayoutItem *item : m_items) {
        if (item->isEmpty())
            continue;
        const QSize hint = item->sizeHint();
        width += hint.width();
        height = std::max(height, hint.height());
        ++visible;
    }
    if (visible > 1)
        width += (visible - 1) * spacingIn(Qt::Horizontal);
    const QMargins m = contentsMargins();
    return QSize(width + m.left() + m.right(), height + m.top() + m.bottom());
}

void FlowLayout::setGeometry(const QRect &rect)
{
    QLayout::setGeometry(rect);
    arrange(rect, true, &m_rows);
}

int FlowLayout::spacingIn(Qt::Orientation orientation) const
{
    if (spacing() >= 0)
        return spacing();
    const QWidget *parent = parentWidget();
    const QStyle *style = parent ? parent->style() : nullptr;
    if (!style)
        return 6;
    const int fromStyle =
        style->pixelMetric(orientation == Qt::Horizontal ? QStyle::PM_LayoutHorizontalSpacing
                                                         : QStyle::PM_LayoutVerticalSpacing,
                           nullptr, parent);
    if (fromStyle >= 0)
        return fromStyle;
    return style->layoutSpacing(QSizePolicy::DefaultType, QSizePolicy::DefaultType, orientation,
                                nullptr, parent);
}

namespace {
// What an item takes before a row's spare width is shared: its size hint, or for an item
// that expands (and gets the spare width anyway) its minimum, so that it does not push
// the items after it onto the next row.
int baseWidth(const QLayoutItem *item)
{
    if (item->expandingDirections() & Qt::Horizontal)
        return item->minimumSize().width();
    return std::max(item->sizeHint().width(), item->minimumSize().width());
}
} // namespace

int FlowLayout::arrange(const QRect &rect, bool apply, int *rows) const
{
    const QRect area = rect.marginsRemoved(contentsMargins());
    const int hSpace = spacingIn(Qt::Horizontal);
    const int vSpace = spacingIn(Qt::Vertical);
    QList<QLayoutItem *> visible;
    for (QLayoutItem *item : m_items)
        if (!item->isEmpty())
            visible.append(item);
    *rows = 0;
    int y = area.top();
    qsizetype next = 0;
    while (next < visible.size()) {
        // The items of this row: as many as fit with their size hints (at least one).
        qsizetype end = next;
        int used = 0;
        while (end < visible.size()) {
            const int width = std::min(baseWidth(visible[end]), area.width());
            const int needed = (end == next ? 0 : used + hSpace) + width;
            if (end > next && needed > area.width())
                break;
            used = needed;
            ++end;
        }
        // Spare width to the items that expand horizontally, in equal parts.
        int expanding = 0, height = 0;
        for (qsizetype i = next; i < end; ++i) {
            if (visible[i]->expandingDirections() & Qt::Horizontal)
                ++expanding;
            height = std::max(height, visible[i]->sizeHint().height());
        }
        int spare = std::max(0, area.width() - used);
        int x = area.left();
        for (qsizetype i = next; i < end; ++i) {
            QLayoutItem *item = visible[i];
            int width = std::min(baseWidth(item), area.width());
            if (expanding > 0 && (item->expandingDirections() & Qt::Horizontal)) {
                const int share = spare / expanding;
                width += share;
                spare -= share;
                --expanding;
            }
            if (apply) {
                const int h = std::min(item->sizeHint().height(), height);
                item->setGeometry(QRect(x, y + (height - h) / 2, width, h));
            }
            x += width + hSpace;
        }
        y += height + vSpace;
        ++*rows;
        next = end;
    }
    if (*rows > 0)
        y -= vSpace;
    const QMargins m = contentsMargins();
    return y - area.top() + m.top() + m.bottom();
}

} // namespace DeployDesk::Ui
