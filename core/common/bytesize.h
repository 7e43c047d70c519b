#pragma once

#include <QString>

namespace DeployDesk {

// A size for people, in the user's locale with SI units ("9.2 MB"): the one way sizes are
// printed in the CLI, the logs and the panel.
QString formatBytes(qint64 bytes);

// A size as a user writes it: "500M", "5G", "2000k", "1024" (bytes); K, M and G are powers of
// 1000, as sizes are printed, with an optional "B". -1 when the text is no size.
qint64 parseBytes(const QString &text);

} // namespace DeployDesk
