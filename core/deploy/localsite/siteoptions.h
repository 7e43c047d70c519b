#pragma once

#include "common/error.h"
#include "config/paramschema.h"

#include <QCoreApplication>
#include <QString>

namespace DeployDesk {
struct TargetRequest;
}

namespace DeployDesk::LocalSite {

// The `with:` of a local-site stage (or of a rollback, list, status), checked and with
// every path made absolute.
struct SiteOptions
{
    QString from; // the build folder (absolute); empty when not asked for
    QString root; // the deploy root (absolute)
    int keep = 5; // releases kept, the live one always among them
    QString url;  // where `current` answers, ending in "/"; may be empty
    bool preview = false;
    QString branch; // the preview's folder name (sanitised); set when preview
    QString index = QStringLiteral("index.html");
    bool serve = false; // keep a static server answering at url (siteserver.h)
    // Of the run: recorded in the release.
    qint64 runId = 0;
    QString commit;
    QString sourceBranch; // the branch as git names it (unsanitised)

    // url + "previews/<branch>/" for a preview, url for a release; empty without url.
    QString urlFor(bool isPreview, const QString &branchFolder) const;
};

class SiteOptionsReader final
{
    Q_DECLARE_TR_FUNCTIONS(SiteOptionsReader)

public:
    static ParamSchema params();
    // `needFrom`: deploy needs the build folder; rollback, list and status do not.
    static Result<SiteOptions> read(const TargetRequest &request, bool needFrom);
    // A branch name as one safe path component (and URL segment): lowercase letters,
    // digits, "." "_" and "-"; "feature/Login page" -> "feature-login-page". Long names
    // are cut and given a short hash so two long branches do not collide. Empty when
    // nothing usable is left.
    static QString sanitiseBranch(const QString &branch);
};

} // namespace DeployDesk::LocalSite
