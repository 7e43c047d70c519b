// The local-site target on real folders: releases, hard links for unchanged files, the
// `current` switch, pruning, rollback, previews, listing, and what a user sees when the
// build folder is missing or a deploy is cancelled.
#include "deploy/localsite/localsitetarget.h"
#include "deploy/localsite/sitelayout.h"
#include "deploy/localsite/sitelock.h"
#include "deploy/localsite/siteoptions.h"
#include "deploy/localsite/sitepublisher.h"
#include "sitetestutil.h"

#include <QRegularExpression>
#include <QTemporaryDir>

#include <unistd.h>

using namespace DeployDesk;
using namespace SiteTest;

class TestLocalSite : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_tmp;
    QString m_ws, m_root, m_build;
    LocalSiteTarget m_target;

    QVariantMap with(const QVariantMap &extra = {}) const
    {
        QVariantMap w{{"from", "build"}, {"root", m_root}};
        for (auto it = extra.cbegin(); it != extra.cend(); ++it)
            w.insert(it.key(), it.value());
        return w;
    }
    Finished deploy(const QVariantMap &w, qint64 runId = 1, const QString &branch = {})
    {
        std::unique_ptr<TargetJob> job(m_target.deploy(request(m_ws, w, runId, branch), nullptr));
        return run(job.get());
    }
    Finished rollback(const Deployment &to)
    {
        std::unique_ptr<TargetJob> job(m_target.rollback(request(m_ws, with()), to, nullptr));
        return run(job.get());
    }
    Finished list()
    {
        std::unique_ptr<TargetJob> job(m_target.list(request(m_ws, with()), nullptr));
        return run(job.get());
    }
    Finished status()
    {
        std::unique_ptr<TargetJob> job(m_target.status(request(m_ws, with()), nullptr));
        return run(job.get());
    }
    QString current() const
    {
        char buffer[1024];
        const ssize_t n =
            ::readlink(QFile::encodeName(m_root + "/current").constData(), buffer, sizeof buffer);
        return n < 0 ? QString() : QString::fromUtf8(buffer, n);
    }
    QStringList releaseFolders() const
    {
        return QDir(m_root + "/releases")
            .entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden, QDir::Name);
    }

private slots:
    void init()
    {
        m_tmp = std::make_unique<QTemporaryDir>();
        QVERIFY(m_tmp->isValid());
        m_ws = m_tmp->path();
        m_root = m_ws + "/deploy-root";
        m_build = m_ws + "/build";
    }

    void firstDeployPublishesAndSwitches()
    {
        makeSite(m_build, "v1");
        const Finished f = deploy(with({{"url", "http://127.0.0.1:8080"}}), 7);
        QVERIFY2(f.ok(), qPrintable(f.error.message));
        QCOMPARE(f.results, 1);
        QCOMPARE(f.deployments.size(), 1);
        const Deployment d = f.deployments.first();
        QVERIFY2(QRegularExpression("^\\d{8}T\\d{6}Z-7$").match(d.version).hasMatch(),
                 qPrintable(d.version));
        QCOMPARE(d.target, QString("local-site"));
        QVERIFY(d.layer == Layer::Site);
        QCOMPARE(d.url, QString("http://127.0.0.1:8080/"));
        QVERIFY(d.createdAt.isValid());
        QCOMPARE(d.details["root"].toString(), m_root);
        QCOMPARE(d.details["path"].toString(), m_root + "/releases/" + d.version);
        QCOMPARE(d.details["files"].toLongLong(), 5);
        QCOMPARE(d.details["preview"].toBool(), false);
        QCOMPARE(current(), "releases/" + d.version);
        QCOMPARE(readFile(m_root + "/current/index.html"),
                 QByteArray("<html><body>index v1</body></html>"));
        QCOMPARE(releaseFolders(), QStringList{d.version}); // no partial copy left
        const QString log = f.log.join('\n');
        QVERIFY2(log.contains("copied 5 files"), qPrintable(log));
        QVERIFY2(log.contains("current → releases/" + d.version), qPrintable(log));
        QVERIFY2(log.contains("live at http://127.0.0.1:8080/"), qPrintable(log));
    }

    void secondDeployLinksUnchangedFiles()
    {
        makeSite(m_build, "v1");
        backdate(m_build);
        const Finished first = deploy(with(), 1);
        QVERIFY2(first.ok(), qPrintable(first.error.message));
        writeFile(m_build + "/index.html", "<html><body>index version two</body></html>");
        const Finished second = deploy(with(), 2);
        QVERIFY2(second.ok(), qPrintable(second.error.message));
        const QString r1 = m_root + "/releases/" + first.deployments.first().version;
        const QString r2 = m_root + "/releases/" + second.deployments.first().version;
        QVERIFY(r1 != r2);
        for (const QString file : {"/style.css", "/pages/p0.html", "/pages/p2.html"})
            QCOMPARE(inode(r2 + file), inode(r1 + file)); // one copy on disk, two releases
        QVERIFY(inode(r2 + "/index.html") != inode(r1 + "/index.html"));
        QCOMPARE(readFile(m_root + "/current/index.html"),
                 QByteArray("<html><body>index version two</body></html>"));
        QCOMPARE(readFile(r1 + "/index.html"), QByteArray("<html><body>index v1</body></html>"));
        const QString log = second.log.join('\n');
        QVERIFY2(log.contains("copied 1 files") && log.contains("linked 4 unchanged"),
                 qPrintable(log));
    }

    void quickRewriteWithSameSizeAndTimeIsCopied()
    {
        // A file rewritten within the timestamp tick of the previous deploy cannot be told
        // apart by size and time: it must be copied again, never linked to stale content.
        makeSite(m_build, "v1");
        const Finished first = deploy(with(), 1);
        QVERIFY(first.ok());
        struct stat before
        {};
        QCOMPARE(::stat(QFile::encodeName(m_build + "/index.html").constData(), &before), 0);
        writeFile(m_build + "/index.html", "<html><body>index v2</body></html>"); // same size
        const struct timespec times[2] = {before.st_atim, before.st_mtim};
        ::utimensat(AT_FDCWD, QFile::encodeName(m_build + "/index.html").constData(), times, 0);
        const Finished second = deploy(with(), 2);
        QVERIFY(second.ok());
        QCOMPARE(readFile(m_root + "/current/index.html"),
                 QByteArray("<html><body>index v2</body></html>"));
    }

    void keepPrunesOldReleases()
    {
        QStringList ids;
        Finished last;
        for (int i = 1; i <= 4; ++i) {
            makeSite(m_build, QString("v%1").arg(i));
            last = deploy(with({{"keep", "2"}}), i);
            QVERIFY2(last.ok(), qPrintable(last.error.message));
            ids << last.deployments.first().version;
        }
        QCOMPARE(releaseFolders(), (QStringList{ids[2], ids[3]}));
        QCOMPARE(current(), "releases/" + ids[3]);
        const QStringList meta = QDir(m_root + "/meta/releases").entryList(QDir::Files, QDir::Name);
        QCOMPARE(meta, (QStringList{ids[2] + ".json", ids[2] + ".manifest", ids[3] + ".json",
                                    ids[3] + ".manifest"}));
        QVERIFY2(last.log.join('\n').contains("removed 1 old releases"),
                 qPrintable(last.log.join('\n')));
    }

    void pruneNeverRemovesTheLiveRelease()
    {
        QList<Deployment> made;
        for (int i = 1; i <= 3; ++i) {
            makeSite(m_build, QString("v%1").arg(i));
            const Finished f = deploy(with(), i);
            QVERIFY(f.ok());
            made << f.deployments.first();
        }
        QVERIFY(rollback(made[0]).ok());
        const auto removed = LocalSite::SiteLayout(m_root).prune(1);
        QVERIFY(removed);
        QCOMPARE(*removed, QStringList{made[1].version});
        QCOMPARE(releaseFolders(), (QStringList{made[0].version, made[2].version}));
        QCOMPARE(current(), "releases/" + made[0].version);
    }

    void rollbackSwitchesCurrent()
    {
        makeSite(m_build, "v1");
        const Finished first = deploy(with(), 1);
        makeSite(m_build, "v2-longer");
        const Finished second = deploy(with(), 2);
        QVERIFY(first.ok() && second.ok());
        const Deployment d1 = first.deployments.first();
        const Deployment d2 = second.deployments.first();
        const Finished back = rollback(d1);
        QVERIFY2(back.ok(), qPrintable(back.error.message));
        QCOMPARE(back.results, 1);
        QCOMPARE(back.deployments, QList<Deployment>{d1});
        QCOMPARE(current(), "releases/" + d1.version);
        QCOMPARE(readFile(m_root + "/current/index.html"),
                 QByteArray("<html><body>index v1</body></html>"));
        QVERIFY2(
            back.log.join('\n').contains(
                QString("current → releases/%1 (was releases/%2)").arg(d1.version, d2.version)),
            qPrintable(back.log.join('\n')));
        const Finished now = status();
        QVERIFY(now.ok());
        QCOMPARE(now.deployments, QList<Deployment>{d1});
        QCOMPARE(m_target.rollbackMechanism(), QString("symlink switch"));
    }

    void rollbackToPrunedReleaseSaysSo()
    {
        makeSite(m_build, "v1");
        const Finished first = deploy(with({{"keep", "1"}}), 1);
        makeSite(m_build, "v2");
        const Finished second = deploy(with({{"keep", "1"}}), 2);
        QVERIFY(first.ok() && second.ok());
        const Finished back = rollback(first.deployments.first());
        QCOMPARE(back.outcome, Job::Outcome::Failed);
        QCOMPARE(back.error.code, ErrorCode::NotFound);
        QVERIFY2(back.error.message.contains("pruned") &&
                     back.error.message.contains(second.deployments.first().version),
                 qPrintable(back.error.message));
        QCOMPARE(current(), "releases/" + second.deployments.first().version);
    }

    void missingOrEmptyBuildFolderChangesNothing()
    {
        // Never deployed: the root is not even created.
        Finished f = deploy(with(), 1);
        QCOMPARE(f.outcome, Job::Outcome::Failed);
        QCOMPARE(f.results, 1);
        QVERIFY2(f.error.message.contains("\"from\"") && f.error.message.contains(m_build),
                 qPrintable(f.error.message));
        QVERIFY(!QFileInfo::exists(m_root));

        makeSite(m_build, "v1");
        const Finished good = deploy(with(), 1);
        QVERIFY(good.ok());
        QDir(m_build).removeRecursively();
        f = deploy(with(), 2);
        QCOMPARE(f.error.code, ErrorCode::NotFound);
        QDir().mkpath(m_build);
        f = deploy(with(), 3);
        QCOMPARE(f.outcome, Job::Outcome::Failed);
        QVERIFY2(f.error.message.contains("empty") && f.error.message.contains(m_build),
                 qPrintable(f.error.message));
        QCOMPARE(releaseFolders(), QStringList{good.deployments.first().version});
        QCOMPARE(current(), "releases/" + good.deployments.first().version);

        f = deploy({{"root", m_root}}, 4);
        QCOMPARE(f.error.code, ErrorCode::Invalid);
        QVERIFY2(f.error.message.contains("\"from\""), qPrintable(f.error.message));
    }

    void rootInsideBuildFolderIsRefused()
    {
        makeSite(m_build, "v1");
        const Finished f = deploy(with({{"root", "build/out"}}), 1);
        QCOMPARE(f.outcome, Job::Outcome::Failed);
        QVERIFY2(f.error.message.contains("inside the build folder"), qPrintable(f.error.message));
        QVERIFY(!QFileInfo::exists(m_build + "/out"));
    }

    void defaultRootIsInTheStateFolder()
    {
        makeSite(m_build, "v1");
        const Finished f = deploy({{"from", "build"}}, 1);
        QVERIFY2(f.ok(), qPrintable(f.error.message));
        QCOMPARE(f.deployments.first().details["root"].toString(), m_ws + "/.state/sites/staging");
        QVERIFY(QFileInfo(m_ws + "/.state/sites/staging/current/index.html").isFile());
    }

    void urlDefaultsToTheEnvironmentUrl()
    {
        makeSite(m_build, "v1");
        TargetRequest r = request(m_ws, with(), 1);
        r.context.environmentUrl = "http://127.0.0.1:8181";
        std::unique_ptr<TargetJob> job(m_target.deploy(r, nullptr));
        const Finished f = run(job.get());
        QVERIFY2(f.ok(), qPrintable(f.error.message));
        QCOMPARE(f.deployments.first().url, QString("http://127.0.0.1:8181/"));
    }

    void rollbackWithoutReleasesSaysSo()
    {
        Deployment d;
        d.target = "local-site";
        d.version = "20260101T000000Z-1";
        const Finished f = rollback(d);
        QCOMPARE(f.error.code, ErrorCode::NotFound);
        QVERIFY2(f.error.message.contains(m_root), qPrintable(f.error.message));
        QVERIFY(!QFileInfo::exists(m_root));
    }

    void aFolderWhereCurrentGoesStopsBeforeCopying()
    {
        makeSite(m_build, "v1");
        QDir().mkpath(m_root + "/current");
        const Finished f = deploy(with(), 1);
        QCOMPARE(f.error.code, ErrorCode::Conflict);
        QVERIFY2(f.error.message.contains("not a link"), qPrintable(f.error.message));
        QCOMPARE(releaseFolders(), QStringList{});
    }

    void cancelMidCopyLeavesNoPartialRelease()
    {
        makeSite(m_build, "v1", 40);
        const Finished first = deploy(with(), 1);
        QVERIFY(first.ok());
        makeSite(m_build, "v2", 40);
        auto options = LocalSite::SiteOptionsReader::read(request(m_ws, with(), 2), true);
        QVERIFY(options);
        std::atomic_bool cancel{false};
        LocalSite::SitePublisher publisher(*options, &cancel, {});
        qint64 filesWhenCancelled = 0;
        publisher.setAfterFile([&](qint64 files) {
            if (files == 10) { // mid-copy: 10 of 42 files are in the partial release
                filesWhenCancelled = files;
                QVERIFY(!QDir(m_root + "/releases").entryList({"*.partial"}, QDir::Dirs).isEmpty());
                cancel = true;
            }
        });
        QCOMPARE(publisher.run(), LocalSite::SitePublisher::Outcome::Cancelled);
        QCOMPARE(filesWhenCancelled, 10);
        QCOMPARE(releaseFolders(), QStringList{first.deployments.first().version});
        QCOMPARE(current(), "releases/" + first.deployments.first().version);
        QCOMPARE(QDir(m_root + "/meta/releases").entryList(QDir::Files).size(), 2);
    }

    void cancelWhileWaitingForTheRootEndsCancelledOnce()
    {
        makeSite(m_build, "v1");
        QVERIFY(LocalSite::SiteLayout(m_root).create());
        LocalSite::SiteLock held(m_root + "/meta/lock"); // another deploy is working on the root
        QVERIFY(held.tryLock().value_or(false));
        std::unique_ptr<TargetJob> job(m_target.deploy(request(m_ws, with()), nullptr));
        TargetJob *raw = job.get();
        const Finished f = run(raw, [raw](const QString &line) {
            if (line.contains("waiting for another deploy"))
                raw->cancel();
        });
        QCOMPARE(f.outcome, Job::Outcome::Cancelled);
        QCOMPARE(f.results, 1);
        QVERIFY(f.error.message.isEmpty());
        QCOMPARE(releaseFolders(), QStringList{});
        QVERIFY(current().isEmpty());
    }

    void destroyingARunningDeployWaitsForItsWorker()
    {
        makeSite(m_build, "v1");
        QVERIFY(LocalSite::SiteLayout(m_root).create());
        LocalSite::SiteLock held(m_root + "/meta/lock");
        QVERIFY(held.tryLock().value_or(false));
        auto *job = m_target.deploy(request(m_ws, with()), nullptr);
        QSignalSpy lines(job, &Job::logLine);
        job->start();
        QTRY_VERIFY(!lines.isEmpty());
        delete job; // cancels and joins; nothing is left behind
        QCOMPARE(releaseFolders(), QStringList{});
    }

    void previewGoesToTheBranchFolder()
    {
        makeSite(m_build, "main");
        QVERIFY(deploy(with(), 1).ok());
        const QString live = current();
        makeSite(m_build, "feature");
        backdate(m_build);
        const QVariantMap w = with({{"preview", "true"}, {"url", "http://127.0.0.1:9/site"}});
        const Finished f = deploy(w, 2, "Feature/Login Page");
        QVERIFY2(f.ok(), qPrintable(f.error.message));
        const Deployment d = f.deployments.first();
        QCOMPARE(d.url, QString("http://127.0.0.1:9/site/previews/feature-login-page/"));
        QCOMPARE(d.details["preview"].toBool(), true);
        QCOMPARE(d.details["branch"].toString(), QString("Feature/Login Page"));
        QCOMPARE(d.details["path"].toString(), m_root + "/previews/feature-login-page");
        QCOMPARE(readFile(m_root + "/previews/feature-login-page/index.html"),
                 QByteArray("<html><body>index feature</body></html>"));
        QCOMPARE(current(), live); // a preview never touches the live site

        // Deployed again: replaced whole, unchanged files linked from the last preview.
        const quint64 styleBefore = inode(m_root + "/previews/feature-login-page/style.css");
        writeFile(m_build + "/index.html", "<html><body>index feature 2</body></html>");
        const Finished again = deploy(w, 3, "Feature/Login Page");
        QVERIFY2(again.ok(), qPrintable(again.error.message));
        QCOMPARE(readFile(m_root + "/previews/feature-login-page/index.html"),
                 QByteArray("<html><body>index feature 2</body></html>"));
        QCOMPARE(inode(m_root + "/previews/feature-login-page/style.css"), styleBefore);
        QCOMPARE(
            QDir(m_root + "/previews").entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden),
            QStringList{"feature-login-page"});
    }

    void previewNeedsABranch()
    {
        makeSite(m_build, "v1");
        const Finished f = deploy(with({{"preview", true}}), 1, QString());
        QCOMPARE(f.error.code, ErrorCode::Invalid);
        QVERIFY2(f.error.message.contains("branch"), qPrintable(f.error.message));
        QVERIFY(!QFileInfo::exists(m_root + "/previews"));
    }

    void sanitiseBranch_data()
    {
        QTest::addColumn<QString>("branch");
        QTest::addColumn<QString>("folder");
        QTest::newRow("plain") << "main"
                               << "main";
        QTest::newRow("slash and case") << "Feature/Login"
                                        << "feature-login";
        QTest::newRow("spaces and symbols") << "fix: a  b!?"
                                            << "fix-a-b";
        QTest::newRow("parent") << "../../etc"
                                << "etc";
        QTest::newRow("dots only") << ".."
                                   << "";
        QTest::newRow("hidden") << ".hidden"
                                << "hidden";
        QTest::newRow("dots inside") << "v1.2.3"
                                     << "v1.2.3";
        QTest::newRow("non-ascii") << "naïve-Ünïcode"
                                   << "na-ve-n-code";
        QTest::newRow("empty") << ""
                               << "";
    }
    void sanitiseBranch()
    {
        QFETCH(QString, branch);
        QFETCH(QString, folder);
        QCOMPARE(LocalSite::SiteOptionsReader::sanitiseBranch(branch), folder);
    }
    void longBranchNamesStayDistinct()
    {
        const QString a = QString(100, 'a') + "-one";
        const QString b = QString(100, 'a') + "-two";
        const QString fa = LocalSite::SiteOptionsReader::sanitiseBranch(a);
        const QString fb = LocalSite::SiteOptionsReader::sanitiseBranch(b);
        QVERIFY(fa.size() <= 63 && fb.size() <= 63);
        QVERIFY(fa != fb);
    }

    void listIsNewestFirstThenPreviews()
    {
        QStringList ids;
        for (int i = 1; i <= 3; ++i) {
            makeSite(m_build, QString("v%1").arg(i), i); // 3, 4, 5 files
            const Finished f = deploy(with({{"url", "http://127.0.0.1:9/"}}), i);
            QVERIFY(f.ok());
            ids.prepend(f.deployments.first().version);
        }
        QVERIFY(deploy(with({{"preview", "true"}, {"url", "http://127.0.0.1:9/"}}), 4, "dev").ok());
        const Finished f = list();
        QVERIFY2(f.ok(), qPrintable(f.error.message));
        QCOMPARE(f.deployments.size(), 4);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(f.deployments[i].version, ids[i]);
            QCOMPARE(f.deployments[i].url, QString("http://127.0.0.1:9/"));
            QCOMPARE(f.deployments[i].details["files"].toLongLong(), 5 - i);
            QVERIFY(f.deployments[i].details["bytes"].toLongLong() > 0);
            if (i > 0)
                QVERIFY(f.deployments[i - 1].createdAt >= f.deployments[i].createdAt);
        }
        const Deployment preview = f.deployments[3];
        QCOMPARE(preview.details["preview"].toBool(), true);
        QCOMPARE(preview.details["branch"].toString(), QString("dev"));
        QCOMPARE(preview.url, QString("http://127.0.0.1:9/previews/dev/"));
    }

    void statusWithNothingLiveIsEmpty()
    {
        const Finished f = status();
        QVERIFY2(f.ok(), qPrintable(f.error.message));
        QVERIFY(f.deployments.isEmpty());
    }

    void healthLooksForTheIndexPage()
    {
        makeSite(m_build, "v1");
        const Finished f = deploy(with(), 1);
        QVERIFY(f.ok());
        const Deployment d = f.deployments.first();
        std::unique_ptr<TargetJob> healthy(m_target.health(request(m_ws, with()), d, nullptr));
        const Finished ok = run(healthy.get());
        QVERIFY2(ok.ok(), qPrintable(ok.error.message));
        QFile::remove(d.details["path"].toString() + "/index.html");
        std::unique_ptr<TargetJob> broken(m_target.health(request(m_ws, with()), d, nullptr));
        const Finished bad = run(broken.get());
        QCOMPARE(bad.error.code, ErrorCode::NotFound);
        QVERIFY2(bad.error.message.contains("index.html"), qPrintable(bad.error.message));
    }

    void registeredAsTargetAndStageType()
    {
        registerLocalSite();
        QVERIFY(TargetRegistry::instance().names().contains("local-site"));
        QVERIFY(TargetRegistry::instance().create("local-site"));
        const ParamSchema params = StageTypeRegistry::instance().params("local-site");
        const auto from = std::find_if(params.cbegin(), params.cend(),
                                       [](const ParamSpec &p) { return p.name == "from"; });
        QVERIFY(from != params.cend() && from->required);

        makeSite(m_build, "v1");
        auto stage = StageTypeRegistry::instance().create("local-site");
        QVERIFY(stage);
        const TargetRequest r = request(m_ws, with(), 5);
        stage->configure(r.with, r.context);
        QSignalSpy done(stage.get(), &Job::result);
        stage->start();
        QVERIFY(done.wait(60000));
        QCOMPARE(stage->outcome(), Job::Outcome::Success);
        QCOMPARE(stage->deployments().size(), 1);
        QVERIFY(stage->deployments().first().version.endsWith("-5"));
    }
};

QTEST_GUILESS_MAIN(TestLocalSite)
#include "tst_localsite.moc"
