#pragma once

#include "store/historyprune.h"

#include <QWidget>

#include <functional>
#include <optional>

class QComboBox;
class QLabel;
class QSpinBox;
class QTimer;

namespace DeployDesk::Ui {

// The settings dialog's History page: the history's size on disk, the retention policy
// (keep everything — the default —, remove runs older than N days, keep the newest N runs,
// or keep the logs under a size) and what pruning with the chosen policy would free now.
// Sizes and the dry run are computed off the GUI thread (HistoryPruner on a connection of
// its own). QSettings keys: "history/retention" (all|days|runs|size) and
// "history/retentionValue" (days, runs or MB).
class HistoryPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryPage)

public:
    static constexpr const char *kRetentionKey = "history/retention";
    static constexpr const char *kRetentionValueKey = "history/retentionValue";

    HistoryPage(QString databasePath, QString dataDir, QWidget *parent = nullptr);
    ~HistoryPage() override;

    void save() const;
    QString sizeText() const;
    QString wouldFreeText() const;

    // The saved policy over every workspace; nullopt for "keep everything".
    static std::optional<PrunePolicy> savedPolicy();

signals:
    void measured(); // the size and the dry run of the current choice are shown

private:
    std::optional<PrunePolicy> chosenPolicy() const;
    void choiceChanged();
    void measure();

    QString m_databasePath;
    QString m_dataDir;
    QComboBox *m_kind = nullptr;
    QSpinBox *m_value = nullptr;
    QLabel *m_size = nullptr;
    QLabel *m_wouldFree = nullptr;
    QTimer *m_settle = nullptr; // a dry run once the choice settles, not one per spin step
    quint64 m_generation = 0;   // bumped per choice: older dry runs are not shown
};

// Prunes the history by the saved policy (nothing when it keeps everything) off the GUI
// thread; `done` runs on `context`'s thread with the report, or not at all when there was
// nothing to do or the prune failed (logged as a warning).
void pruneBySavedPolicy(QObject *context, const QString &databasePath, const QString &dataDir,
                        std::function<void(const PruneReport &)> done);

} // namespace DeployDesk::Ui
