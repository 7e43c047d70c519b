#pragma once

#include <QLayout>
#include <QList>

namespace DeployDesk::Ui {

// A row of fields that wraps onto more rows when its widget is too narrow for it (the
// history's filters: German at the default size, any language at 800×600), instead of
// cutting them or scrolling them sideways. Items keep their size hint (an item that
// expands horizontally, its minimum) and wrap in order; each row's spare width goes to
// its expanding items (the log-text filter), so one row looks like a QHBoxLayout with
// those items stretched. Its minimum
// width is its widest item's: a window never has to grow for it. Hidden items take no
// room. Height follows width (heightForWidth), so the parent layout gives it the rows it
// needs.
class FlowLayout final : public QLayout
{
public:
    explicit FlowLayout(QWidget *parent = nullptr);
    ~FlowLayout() override;

    void addItem(QLayoutItem *item) override;
    int count() const override;
    QLayoutItem *itemAt(int index) const override;
    QLayoutItem *takeAt(int index) override;

    Qt::Orientations expandingDirections() const override;
    bool hasHeightForWidth() const override;
    int heightForWidth(int width) const override;
    QSize minimumSize() const override;
    QSize sizeHint() const override;
    void setGeometry(const QRect &rect) override;

    // How many rows the items took at the last setGeometry().
    int rowCount() const { return m_rows; }

private:
    int spacingIn(Qt::Orientation orientation) const;
    // Lays the items out in `rect` (or only measures, when `apply` is false); returns the
    // height used and sets *rows.
    int arrange(const QRect &rect, bool apply, int *rows) const;

    QList<QLayoutItem *> m_items;
    int m_rows = 0;
};

} // namespace DeployDesk::Ui
