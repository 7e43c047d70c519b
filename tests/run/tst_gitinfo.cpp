// Which commit and branch a run records, read from a real git repository: a branch,
// packed refs, a detached HEAD, a worktree, and a folder that is no repository.
#include "run/gitinfo.h"

#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace DeployDesk;

class TestGitInfo : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString git(const QStringList &args, const QString &dir)
    {
        QProcess p;
        p.setWorkingDirectory(dir);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("GIT_AUTHOR_NAME", "t");
        env.insert("GIT_AUTHOR_EMAIL", "t@example.invalid");
        env.insert("GIT_COMMITTER_NAME", "t");
        env.insert("GIT_COMMITTER_EMAIL", "t@example.invalid");
        p.setProcessEnvironment(env);
        p.start("git", args);
        if (!p.waitForFinished() || p.exitCode() != 0)
            qWarning() << "git" << args << p.readAllStandardError();
        return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
    }

    QString m_repo;
    QString m_head;

private slots:
    void initTestCase()
    {
        m_repo = m_dir.filePath("repo");
        QDir().mkpath(m_repo + "/sub/dir");
        git({"init", "-q", "-b", "main"}, m_repo);
        QFile f(m_repo + "/a.txt");
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("a");
        f.close();
        git({"add", "a.txt"}, m_repo);
        git({"commit", "-q", "-m", "first"}, m_repo);
        m_head = git({"rev-parse", "HEAD"}, m_repo);
        QCOMPARE(m_head.size(), 40);
    }

    void branchFromASubfolder()
    {
        const GitInfo info = readGitInfo(m_repo + "/sub/dir");
        QCOMPARE(info.commit, m_head);
        QCOMPARE(info.branch, QStringLiteral("main"));
    }

    void packedRefs()
    {
        git({"checkout", "-q", "-b", "feature/x"}, m_repo);
        git({"pack-refs", "--all"}, m_repo);
        QVERIFY(!QFile::exists(m_repo + "/.git/refs/heads/feature/x"));
        const GitInfo info = readGitInfo(m_repo);
        QCOMPARE(info.commit, m_head);
        QCOMPARE(info.branch, QStringLiteral("feature/x"));
        git({"checkout", "-q", "main"}, m_repo);
    }

    void detachedHead()
    {
        git({"checkout", "-q", "--detach"}, m_repo);
        const GitInfo info = readGitInfo(m_repo);
        QCOMPARE(info.commit, m_head);
        QVERIFY(info.branch.isEmpty());
        git({"checkout", "-q", "main"}, m_repo);
    }

    void worktree()
    {
        const QString tree = m_dir.filePath("tree");
        git({"worktree", "add", "-q", "-b", "wt", tree}, m_repo);
        const GitInfo info = readGitInfo(tree);
        QCOMPARE(info.commit, m_head);
        QCOMPARE(info.branch, QStringLiteral("wt"));
    }

    void notARepository()
    {
        QTemporaryDir plain;
        const GitInfo info = readGitInfo(plain.path());
        QVERIFY(info.commit.isEmpty());
        QVERIFY(info.branch.isEmpty());
        QVERIFY(!readGitTreeState(plain.path()).has_value());
    }

    // Whether the working tree had uncommitted changes, and which (issue 10 §5).
    void treeState()
    {
        const QString repo = m_dir.filePath("state");
        QDir().mkpath(repo + "/docs");
        git({"init", "-q", "-b", "main"}, repo);
        auto write = [&](const QString &name, const QByteArray &text) {
            QFile f(repo + "/" + name);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(text);
        };
        write("docs/index.md", "# Docs\n");
        write("gone.txt", "x\n");
        git({"add", "."}, repo);
        git({"commit", "-q", "-m", "first"}, repo);

        auto clean = readGitTreeState(repo + "/docs");
        QVERIFY(clean.has_value());
        QVERIFY(!clean->dirty);
        QVERIFY(clean->changedFiles.isEmpty());

        write("docs/index.md", "# Docs, edited\n");
        write("docs/new page.md", "new\n");
        QVERIFY(QFile::remove(repo + "/gone.txt"));
        write("staged.txt", "s\n");
        git({"add", "staged.txt"}, repo);
        auto dirty = readGitTreeState(repo + "/docs"); // from a subfolder: the whole tree
        QVERIFY(dirty.has_value());
        QVERIFY(dirty->dirty);
        QCOMPARE(dirty->changedFiles, (QStringList{" M docs/index.md", " D gone.txt",
                                                   "A  staged.txt", "?? \"docs/new page.md\""}));
        // Reading it takes no lock a concurrent git command would trip over.
        QVERIFY(!QFile::exists(repo + "/.git/index.lock"));
    }
};

QTEST_GUILESS_MAIN(TestGitInfo)
#include "tst_gitinfo.moc"
