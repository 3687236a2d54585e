// A mail server for tests on 127.0.0.1 (ephemeral port) that speaks SMTP itself — greeting, EHLO
// capabilities, MAIL FROM, RCPT TO, DATA with dot-stuffing, QUIT — and keeps what it received, so
// the tests check what a customer's mail server would really get. On request it offers STARTTLS
// (with a self-signed certificate for localhost / 127.0.0.1 made at run time) and requires
// AUTH LOGIN with a known user and password.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace narcisse::test {

struct ReceivedMail {
    std::string from;                        // envelope sender (MAIL FROM)
    std::vector<std::string> recipients;     // envelope recipients (RCPT TO) accepted
    std::string data;                        // the raw message as sent after DATA, dots unstuffed
    bool encrypted = false;                  // the session had switched to TLS (STARTTLS) before MAIL
    std::string user;                        // who authenticated (AUTH LOGIN) before MAIL; empty: nobody

    // A header's value, unfolded and with RFC 2047 encoded words decoded to UTF-8; empty if absent.
    std::string header(const std::string& name) const;
    // The body, its transfer encoding (quoted-printable, base64) undone, lines ending in "\n".
    std::string body() const;
};

struct FakeSmtpOptions {
    bool startTls = false;   // EHLO offers STARTTLS (until the session is encrypted)
    // Non-empty: EHLO offers "AUTH LOGIN PLAIN" (after STARTTLS, when that is offered too), MAIL
    // without a successful AUTH LOGIN gets 530, a wrong user or password 535.
    std::string user;
    std::string password;
};

class FakeSmtpServer {
public:
    FakeSmtpServer() : FakeSmtpServer(FakeSmtpOptions{}) {}
    explicit FakeSmtpServer(FakeSmtpOptions options);
    ~FakeSmtpServer();
    FakeSmtpServer(const FakeSmtpServer&) = delete;
    FakeSmtpServer& operator=(const FakeSmtpServer&) = delete;

    std::uint16_t port() const { return m_port; }
    // While set, every RCPT TO gets "550 5.1.1 <address>: Recipient address rejected: User unknown".
    void rejectRecipients(bool reject) { m_reject = reject; }
    std::vector<ReceivedMail> messages() const;
    // Every command line the clients sent, in order (to check the dialogue itself).
    std::vector<std::string> commands() const;
    // The server's certificate (PEM, self-signed: its own CA) to trust in a client; empty without
    // STARTTLS.
    const std::string& certificateFile() const { return m_certificateFile; }

private:
    struct Tls;
    void serve();
    void converse(int client);

    FakeSmtpOptions m_options;
    std::unique_ptr<Tls> m_tls;
    std::string m_certificateFile;
    int m_listener = -1;
    std::uint16_t m_port = 0;
    std::atomic<bool> m_stop{false};
    std::atomic<bool> m_reject{false};
    mutable std::mutex m_mutex;
    std::vector<ReceivedMail> m_messages;
    std::vector<std::string> m_commands;
    std::thread m_thread;
};

}  // namespace narcisse::test
