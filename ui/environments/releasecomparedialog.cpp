#include "releasecomparedialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QProcess>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace DeployDesk::Ui {

ReleaseCompareDialog::ReleaseCompareDialog(const QString &workspace, ReleaseRecord a,
                                           ReleaseRecord b, QWidget *parent)
    : QDialog(parent)
    , m_a(std::move(a))
    , m_b(std::move(b))
{
    if (m_a.id > m_b.id)
        std::swap(m_a, m_b);
    setObjectName(QStringLiteral("releaseCompareDialog"));
    setWindowTitle(tr("Compare releases %1 and %2").arg(m_a.id).arg(m_b.id));

    m_layers = new QTreeWidget(this);
    m_layers->setObjectName(QStringLiteral("compareLayers"));
    m_layers->setAccessibleName(tr("Layer versions of both releases"));
    m_layers->setRootIsDecorated(false);
    m_layers->setHeaderLabels(
        {tr("Layer"), tr("Release %1").arg(m_a.id), tr("Release %1").arg(m_b.id), tr("Change")});
    for (int i = 0; i <= int(Layer::VectorIndex); ++i) {
        const Layer layer = Layer(i);
        const ReleaseLayer *x = m_a.layer(layer);
        const ReleaseLayer *y = m_b.layer(layer);
        if (!x && !y)
            continue;
        const QString from = x ? x->deployment.deployment.version : tr("nothing");
        const QString to = y ? y->deployment.deployment.version : tr("nothing");
        const bool changed = from != to;
        auto *item = new QTreeWidgetItem(
            m_layers, {toString(layer), from, to, changed ? tr("changed") : tr("unchanged")});
        item->setData(0, Qt::UserRole, i);
        if (changed) {
            m_changed.append(layer);
            QFont f = item->font(0);
            f.setBold(true);
            for (int c = 0; c < 4; ++c)
                item->setFont(c, f);
        }
    }
    for (int c = 0; c < 4; ++c)
        m_layers->resizeColumnToContents(c);

    m_summary = new QLabel(tr("Release %1 (%2, run %3) → release %4 (%5, run %6): %n layer(s) "
                              "changed.",
                              nullptr, int(m_changed.size()))
                               .arg(m_a.id)
                               .arg(m_a.environment)
                               .arg(m_a.runId)
                               .arg(m_b.id)
                               .arg(m_b.environment)
                               .arg(m_b.runId),
                           this);
    m_summary->setWordWrap(true);
    m_commitsStatus = new QLabel(this);
    m_commitsStatus->setWordWrap(true);
    m_commits = new QListWidget(this);
    m_commits->setObjectName(QStringLiteral("compareCommits"));
    m_commits->setAccessibleName(tr("Commits between the releases"));
    QFont mono = m_commits->font();
    mono.setFamily(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::Monospace);
    m_commits->setFont(mono);
    m_commitsStatus->setBuddy(m_commits);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_layers, 1);
    layout->addWidget(m_commitsStatus);
    layout->addWidget(m_commits, 1);
    layout->addWidget(buttons);
    resize(640, 440);
    listCommits(workspace);
}

ReleaseCompareDialog::~ReleaseCompareDialog()
{
    if (m_git) {
        // Never wait here: the killed process deletes itself once it has ended.
        QProcess *git = m_git;
        git->disconnect(this);
        git->setParent(nullptr);
        connect(git, &QProcess::finished, git, &QObject::deleteLater);
        git->kill();
    }
}

QString ReleaseCompareDialog::commitsStatus() const
{
    return m_commitsStatus->text();
}

void ReleaseCompareDialog::listCommits(const QString &workspace)
{
    const auto done = [this](const QString &status) {
        m_commitsStatus->setText(status);
        QMetaObject::invokeMethod(this, &ReleaseCompareDialog::commitsListed, Qt::QueuedConnection);
    };
    if (m_a.commit.isEmpty() || m_b.commit.isEmpty()) {
        done(tr("Commits: unknown (a release was made outside a git checkout)."));
        return;
    }
    if (m_a.commit == m_b.commit) {
        done(tr("Commits: the same (%1).").arg(m_a.commit.left(12)));
        return;
    }
    m_commitsStatus->setText(
        tr("Listing the commits between %1 and %2…").arg(m_a.commit.left(12), m_b.commit.left(12)));
    m_git = new QProcess(this);
    m_git->setWorkingDirectory(workspace);
    m_git->setProcessChannelMode(QProcess::SeparateChannels);
    connect(m_git, &QProcess::finished, this, &ReleaseCompareDialog::gitFinished);
    connect(m_git, &QProcess::errorOccurred, this, [this](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart)
            gitFinished();
    });
    m_git->start(QStringLiteral("git"),
                 {QStringLiteral("log"), QStringLiteral("--oneline"),
                  QStringLiteral("--no-decorate"), QStringLiteral("--no-color"),
                  m_a.commit + QStringLiteral("..") + m_b.commit});
}

void ReleaseCompareDialog::gitFinished()
{
    QProcess *git = m_git;
    if (!git)
        return;
    m_git = nullptr;
    git->deleteLater();
    const bool ok = git->error() != QProcess::FailedToStart &&
                    git->exitStatus() == QProcess::NormalExit && git->exitCode() == 0;
    if (!ok) {
        const QString why = git->error() == QProcess::FailedToStart
                                ? git->errorString()
                                : QString::fromUtf8(git->readAllStandardError()).trimmed();
        m_commitsStatus->setText(tr("Commits: %1 → %2 (git log could not list them: %3)")
                                     .arg(m_a.commit.left(12), m_b.commit.left(12), why));
        emit commitsListed();
        return;
    }
    const QStringList lines =
        QString::fromUtf8(git->readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
    m_commits->addItems(lines);
    m_commitsStatus->setText(
        lines.isEmpty() ? tr("No commits from %1 to %2 (release %3 is not newer in git history).")
                              .arg(m_a.commit.left(12), m_b.commit.left(12))
                              .arg(m_b.id)
                        : tr("%n commit(s) between them:", nullptr, int(lines.size())));
    emit commitsListed();
}

} // namespace DeployDesk::Ui
