#pragma once

#include <QStyledItemDelegate>

namespace DeployDesk::Ui::Internal {

// A workflow file in the Workflows tab's list as two lines: its name in bold, its path (or,
// when it does not load, its first problem, file:line:column) below in a quieter colour,
// each cut to the list's width (the path in its middle, a problem at its end); the tooltip
// has them whole. The item's text stays "name\npath" for screen readers.
class WorkflowFileDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
};

} // namespace DeployDesk::Ui::Internal
