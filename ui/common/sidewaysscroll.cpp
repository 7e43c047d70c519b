#include "ui/common/sidewaysscroll.h"

#include <QEvent>
#include <QScrollArea>
#include <QScrollBar>

namespace DeployDesk::Ui {

namespace {

// Keeps the area's height and visibility in step with the row's.
class RowWatcher final : public QObject
{
public:
    RowWatcher(QScrollArea *area, QWidget *row)
        : QObject(area)
        , m_area(area)
        , m_row(row)
    {
        row->installEventFilter(this);
        connect(area->horizontalScrollBar(), &QScrollBar::rangeChanged, this, &RowWatcher::fit);
        fit();
    }

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == m_row) {
            switch (event->type()) {
            case QEvent::ShowToParent:
            case QEvent::HideToParent:
                m_area->setVisible(!m_row->isHidden());
                break;
            case QEvent::LayoutRequest:
                fit();
                break;
            default:
                break;
            }
        }
        return false;
    }

private:
    void fit()
    {
        const QScrollBar *bar = m_area->horizontalScrollBar();
        m_area->setFixedHeight(m_row->sizeHint().height() +
                               (bar->maximum() > 0 ? bar->sizeHint().height() : 0));
    }

    QScrollArea *m_area;
    QWidget *m_row;
};

} // namespace

QScrollArea *sidewaysScroll(QWidget *row, QWidget *parent)
{
    const bool hidden = row->isHidden();
    auto *area = new QScrollArea(parent);
    area->setWidget(row);
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    area->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    area->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    area->setFocusPolicy(Qt::NoFocus);
    row->setHidden(hidden); // setWidget() shows it
    area->setHidden(hidden);
    new RowWatcher(area, row);
    return area;
}

} // namespace DeployDesk::Ui
