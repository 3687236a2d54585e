// A mail server for tests on 127.0.0.1 (ephemeral port) that speaks SMTP itself — greeting, EHLO
// capabilities, MAIL FROM, RCPT TO, DATA with dot-stuffing, QUIT — and keeps what it received, so
// the tests check what a customer's mail server would really get.
#pragma once

#include <atomic>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace narcisse::test {

struct ReceivedMail {
    std::string from;                        // envelope sender (MAIL FROM)
    std::vector<std::string> recipients;     // envelope recipients (RCPT TO) accepted
    std::string data;                        // the raw message as sent after DATA, dots unstuffed

    // A header's value, unfolded and with RFC 2047 encoded words decoded to UTF-8; empty if absent.
    std::string header(const std::string& name) const;
    // The body, its transfer encoding (quoted-printable, base64) undone, lines ending in "\n".
    std::string body() const;
};

class FakeSmtpServer {
public:
    FakeSmtpServer();
    ~FakeSmtpServer();
    FakeSmtpServer(const FakeSmtpServer&) = delete;
    FakeSmtpServer& operator=(const FakeSmtpServer&) = delete;

    std::uint16_t port() const { return m_port; }
    // While set, every RCPT TO gets "550 5.1.1 <address>: Recipient address rejected: User unknown".
    void rejectRecipients(bool reject) { m_reject = reject; }
    std::vector<ReceivedMail> messages() const;
    // Every command line the clients sent, in order (to check the dialogue itself).
    std::vector<std::string> commands() const;

private:
    void serve();
    void converse(int client);

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
