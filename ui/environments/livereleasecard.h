#pragma once

#include "healthprobe.h"
#include "store/releaserecords.h"

#include <QGroupBox>

#include <array>
#include <optional>

class QLabel;

namespace DeployDesk::Ui {

// The live release of one environment: its commit, when, who and why, then each layer
// with its target, version, address (a link) and whether that address answers now (a
// GET in the background, see HealthProbe). Nothing here waits on the network.
class LiveReleaseCard final : public QGroupBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LiveReleaseCard)

public:
    explicit LiveReleaseCard(QWidget *parent = nullptr);

    // Shows `live` (nullopt: the environment has no release yet) and checks its
    // addresses again.
    void setRelease(const QString &environment, bool isProtected,
                    const std::optional<ReleaseRecord> &live);
    HealthProbe *probe() const { return m_probe; }

    // For tests and screen readers: what the card says.
    QString summary() const;
    QString layerText(Layer layer) const; // "site  v9 on local-site"; empty when absent
    QString urlText(Layer layer) const;   // the address shown, empty when none
    // Where health is asked: the layer's URL, with the path of a "healthPath" detail when
    // its target recorded one (a backend's /health rather than its root).
    static QUrl healthAddress(const Deployment &deployment);
    QString healthText(Layer layer) const; // "up (HTTP 200)", "down: …", "checking…"
    HealthProbe::State health(Layer layer) const;

private:
    struct Row
    {
        QLabel *name = nullptr;
        QLabel *version = nullptr;
        QLabel *url = nullptr;
        QLabel *healthIcon = nullptr;
        QLabel *health = nullptr;
        QString shown; // the layer's URL as recorded
        QUrl address;  // what is checked: the URL, or the layer's own health path on it
    };
    static constexpr int kLayers = int(Layer::VectorIndex) + 1;

    void healthChecked(const QUrl &url, HealthProbe::State state, const QString &detail);
    void showHealth(Row &row, HealthProbe::State state, const QString &detail);

    QLabel *m_summary = nullptr;
    QLabel *m_why = nullptr;
    std::array<Row, kLayers> m_rows;
    HealthProbe *m_probe = nullptr;
};

} // namespace DeployDesk::Ui
