// Throughput of LogPipeline, run by hand (not registered with ctest):
//   build-*/bin/tst_logpipeline_bench [lines]
// Prints lines/second for 2,000,000 lines of ~50 bytes with a masker of 3 secrets.
#include "log/logpipeline.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

using namespace DeployDesk;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const qsizetype lines = argc > 1 ? QByteArray(argv[1]).toLongLong() : 2'000'000;

    // A block of ~64 KB of lines as a pipe read delivers them, fed repeatedly.
    QByteArray block;
    qsizetype blockLines = 0;
    while (block.size() < 64 * 1024) {
        block += "[" + QByteArray::number(blockLines) +
                 "] compiling src/module/file.cpp -o build/file.o";
        if (blockLines % 100 == 0)
            block += " token=ghp_s3cr3tValue";
        block += "\n";
        ++blockLines;
    }

    SecretMasker masker;
    masker.setSecrets({"ghp_s3cr3tValue", "hunter2-password", "AKIAEXAMPLEKEY"});
    qsizetype received = 0;
    qsizetype bytes = 0;
    LogPipeline pipeline(std::move(masker), [&](LogLine &&line) {
        ++received;
        bytes += line.text.size();
    });

    QElapsedTimer timer;
    timer.start();
    qsizetype fed = 0;
    while (fed < lines) {
        pipeline.feed(LogStream::Stdout, block);
        fed += blockLines;
    }
    pipeline.finish();
    const double seconds = timer.nsecsElapsed() / 1e9;
    QTextStream(stdout) << received << " lines, " << bytes / (1024 * 1024) << " MB in " << seconds
                        << " s: " << qint64(received / seconds) << " lines/s, "
                        << qint64(bytes / seconds / (1024 * 1024)) << " MB/s\n";
    return 0;
}
