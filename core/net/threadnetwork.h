#pragma once

class QNetworkAccessManager;

namespace DeployDesk::Internal {

// The calling thread's QNetworkAccessManager, created on first use: its transfer timeout is
// set (HttpClient::kDefaultTimeout; each request sets its own too) and redirects are left to
// HttpJob. It lives until the thread ends (the main thread's until the application object
// goes away). Never share it with another thread.
QNetworkAccessManager *threadNetwork();

} // namespace DeployDesk::Internal
