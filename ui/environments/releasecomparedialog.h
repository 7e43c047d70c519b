#pragma once

#include "store/releaserecords.h"

#include <QDialog>
#include <QPointer>

class QLabel;
class QListWidget;
class QProcess;
class QTreeWidget;

namespace DeployDesk::Ui {

// Two releases side by side: each layer's version in the older and the newer, the
// layers that differ marked, and the commits between them (`git log --oneline A..B` in the
// workspace, run in the background: the dialog opens at once and the list follows).
class ReleaseCompareDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReleaseCompareDialog)

public:
    // The older release (lower id) becomes A whatever the order given.
    ReleaseCompareDialog(const QString &workspace, ReleaseRecord a, ReleaseRecord b,
                         QWidget *parent = nullptr);
    ~ReleaseCompareDialog() override;

    QList<Layer> changedLayers() const { return m_changed; }
    QTreeWidget *layersView() const { return m_layers; }
    QListWidget *commitsView() const { return m_commits; }
    QString commitsStatus() const;
    bool isListingCommits() const { return m_git; }

signals:
    // The commits are listed (or could not be: commitsStatus() says why).
    void commitsListed();

private:
    void listCommits(const QString &workspace);
    void gitFinished();

    ReleaseRecord m_a;
    ReleaseRecord m_b;
    QList<Layer> m_changed;
    QLabel *m_summary = nullptr;
    QTreeWidget *m_layers = nullptr;
    QLabel *m_commitsStatus = nullptr;
    QListWidget *m_commits = nullptr;
    QPointer<QProcess> m_git;
};

} // namespace DeployDesk::Ui
