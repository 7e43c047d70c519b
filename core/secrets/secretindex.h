#pragma once

#include "common/error.h"

#include <QString>
#include <QStringList>

namespace DeployDesk::Internal {

// The list of secret names the user stored, for `deploydeskctl secrets list` and the UI.
// A small JSON file, {"version": 1, "names": [...]}: names only, never values. Written
// atomically and readable by the owner only (0600).
class SecretIndex final
{
public:
    explicit SecretIndex(QString path)
        : m_path(std::move(path))
    {}

    QStringList names() const; // sorted; empty when the file is missing or unreadable
    Result<void> add(const QString &name);
    Result<void> remove(const QString &name);

private:
    Result<void> write(QStringList names) const;

    QString m_path;
};

} // namespace DeployDesk::Internal
