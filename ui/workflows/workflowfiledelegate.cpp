#include "ui/workflows/workflowfiledelegate.h"

#include <QApplication>
#include <QFileInfo>
#include <QPainter>

namespace DeployDesk::Ui::Internal {

QSize WorkflowFileDelegate::sizeHint(const QStyleOptionViewItem &option,
                                     const QModelIndex &index) const
{
    QStyleOptionViewItem o = option;
    initStyleOption(&o, index);
    QFont bold = o.font;
    bold.setBold(true);
    const int lines = QFontMetrics(bold).height() + o.fontMetrics.height() + 2;
    const int icon =
        o.features & QStyleOptionViewItem::HasDecoration ? o.decorationSize.height() : 0;
    return QSize(o.fontMetrics.averageCharWidth() * 12, std::max(lines, icon) + 8);
}

void WorkflowFileDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                 const QModelIndex &index) const
{
    QStyleOptionViewItem o = option;
    initStyleOption(&o, index);
    // The display text, not the option's (whose line breaks are line separators by now).
    const QStringList lines = index.data(Qt::DisplayRole).toString().split(QLatin1Char('\n'));
    const QString top = lines.value(0);
    QString below = lines.value(1);
    const bool broken = !index.data(Qt::DecorationRole).isNull();
    // A problem names the file the line above shows already: its name is enough there,
    // so the line and column stay in sight.
    if (broken && below.startsWith(top + QLatin1Char(':')))
        below = QFileInfo(top).fileName() + below.mid(top.size());
    o.text.clear();
    const QWidget *widget = o.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &o, painter, widget);

    QRect text = style->subElementRect(QStyle::SE_ItemViewItemText, &o, widget);
    text.adjust(2, 4, -2, -4);
    const bool selected = o.state & QStyle::State_Selected;
    const QPalette::ColorGroup group =
        o.state & QStyle::State_Enabled ? QPalette::Normal : QPalette::Disabled;
    painter->save();
    QFont bold = o.font;
    bold.setBold(true);
    const QFontMetrics boldMetrics(bold);
    painter->setFont(bold);
    painter->setPen(o.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text));
    QRect first = text;
    first.setHeight(boldMetrics.height());
    painter->drawText(first, Qt::AlignLeft | Qt::AlignVCenter,
                      boldMetrics.elidedText(top, Qt::ElideMiddle, first.width()));
    painter->setFont(o.font);
    painter->setPen(
        o.palette.color(group, selected ? QPalette::HighlightedText : QPalette::PlaceholderText));
    QRect second = text;
    second.setTop(first.bottom() + 2);
    second.setHeight(o.fontMetrics.height());
    painter->drawText(
        second, Qt::AlignLeft | Qt::AlignVCenter,
        o.fontMetrics.elidedText(below, broken ? Qt::ElideRight : Qt::ElideMiddle, second.width()));
    painter->restore();
}

} // namespace DeployDesk::Ui::Internal
