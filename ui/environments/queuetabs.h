#pragma once

#include "environmentsreader.h"

#include <QTabWidget>

class QTreeWidget;

namespace DeployDesk::Ui {

// The bottom of the Environments tab: the deploy queue (who deploys now, who waits and
// in which place) and the branch previews (Enter opens a preview's address).
class QueueTabs final : public QTabWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QueueTabs)

public:
    explicit QueueTabs(QWidget *parent = nullptr);

    void setQueue(const QList<QueueTicket> &tickets); // FIFO per environment
    void setPreviews(const QList<PreviewEntry> &previews);

    QTreeWidget *queueView() const { return m_queue; }
    QTreeWidget *previewsView() const { return m_previews; }

private:
    QTreeWidget *m_queue = nullptr;
    QTreeWidget *m_previews = nullptr;
};

} // namespace DeployDesk::Ui
