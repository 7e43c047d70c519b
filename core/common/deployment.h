#pragma once

#include <QDateTime>
#include <QString>
#include <QVariantMap>

namespace DeployDesk {

// The four layers of a release (PRODUCT.md §5). Stable lowercase names in the store.
enum class Layer { Site, Backend, Database, VectorIndex };

QString toString(Layer layer);                      // "site", "backend", "database", "vector-index"
bool fromString(const QString &text, Layer *layer); // false for anything else

// One layer version that a deploy target put live (or found live): what the history
// records and what a rollback needs to make it live again.
struct Deployment
{
    QString target; // the stage type that made it: "local-site", "vercel", ...
    Layer layer = Layer::Site;
    QString version;     // the platform's id: release folder, dpl_…, Railway deployment id
    QString url;         // where it answers; may be empty
    QDateTime createdAt; // UTC; invalid when unknown
    // Whatever else the target needs to restore it (project id, service id, port, folder);
    // plain JSON values, never a secret.
    QVariantMap details;

    bool isValid() const { return !target.isEmpty() && !version.isEmpty(); }
    friend bool operator==(const Deployment &, const Deployment &) = default;
};

} // namespace DeployDesk
