#include "support/fake_smtp.h"

#include "support/engines.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <stdexcept>

namespace narcisse::test {

namespace {

std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

int hexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

std::string base64Decode(const std::string& in) {
    static const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    int bits = 0, value = 0;
    for (char c : in) {
        const auto pos = alphabet.find(c);
        if (pos == std::string::npos) continue;   // padding, line breaks
        value = (value << 6) | static_cast<int>(pos);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += static_cast<char>((value >> bits) & 0xFF);
        }
    }
    return out;
}

// Quoted-printable (RFC 2045): "=XX" bytes and "=" soft line breaks; `underscoreIsSpace` for the
// "Q" encoding of header words (RFC 2047).
std::string qpDecode(const std::string& in, bool underscoreIsSpace) {
    std::string out;
    for (std::size_t i = 0; i < in.size(); ++i) {
        const char c = in[i];
        if (c == '=' && i + 1 < in.size() && (in[i + 1] == '\r' || in[i + 1] == '\n')) {
            i += in[i + 1] == '\r' && i + 2 < in.size() && in[i + 2] == '\n' ? 2 : 1;
        } else if (c == '=' && i + 2 < in.size() && hexValue(in[i + 1]) >= 0 && hexValue(in[i + 2]) >= 0) {
            out += static_cast<char>(hexValue(in[i + 1]) * 16 + hexValue(in[i + 2]));
            i += 2;
        } else if (c == '_' && underscoreIsSpace) {
            out += ' ';
        } else {
            out += c;
        }
    }
    return out;
}

// RFC 2047: "=?UTF-8?Q?...?=" and "=?UTF-8?B?...?=", whitespace between two encoded words dropped.
std::string decodeWords(const std::string& value) {
    std::string out;
    std::size_t i = 0;
    bool lastWasWord = false;
    while (i < value.size()) {
        const auto start = value.find("=?", i);
        if (start == std::string::npos) {
            out += value.substr(i);
            break;
        }
        const std::string between = value.substr(i, start - i);
        const bool blank = between.find_first_not_of(" \t") == std::string::npos;
        if (!(lastWasWord && blank)) out += between;
        const auto q1 = value.find('?', start + 2);
        const auto q2 = q1 == std::string::npos ? q1 : value.find('?', q1 + 1);
        const auto end = q2 == std::string::npos ? q2 : value.find("?=", q2 + 1);
        if (end == std::string::npos) {
            out += value.substr(start);
            break;
        }
        const char encoding = static_cast<char>(std::toupper(static_cast<unsigned char>(value[q1 + 1])));
        const std::string text = value.substr(q2 + 1, end - q2 - 1);
        out += encoding == 'B' ? base64Decode(text) : qpDecode(text, true);
        lastWasWord = true;
        i = end + 2;
    }
    return out;
}

// A client connection: the plain socket, and its TLS session once STARTTLS went through.
struct Connection {
    int fd = -1;
    SSL* ssl = nullptr;
    std::string buffer;   // received, not yet read as lines

    ~Connection() {
        if (ssl) {
            SSL_shutdown(ssl);
            SSL_free(ssl);
        }
    }
};

bool sendAll(Connection& c, const std::string& text) {
    std::size_t done = 0;
    while (done < text.size()) {
        const int want = static_cast<int>(text.size() - done);
        const ssize_t n = c.ssl ? SSL_write(c.ssl, text.data() + done, want)
                                : ::send(c.fd, text.data() + done, text.size() - done, MSG_NOSIGNAL);
        if (n <= 0) return false;
        done += static_cast<std::size_t>(n);
    }
    return true;
}

// Reads one CRLF-terminated line (without it); false at end of stream.
bool readLine(Connection& c, std::string& line) {
    for (;;) {
        const auto pos = c.buffer.find("\r\n");
        if (pos != std::string::npos) {
            line = c.buffer.substr(0, pos);
            c.buffer.erase(0, pos + 2);
            return true;
        }
        char chunk[4096];
        const ssize_t n = c.ssl ? SSL_read(c.ssl, chunk, static_cast<int>(sizeof chunk))
                                : ::recv(c.fd, chunk, sizeof chunk, 0);
        if (n <= 0) return false;
        c.buffer.append(chunk, static_cast<std::size_t>(n));
    }
}

std::string openSslError(const char* what) {
    char text[256] = "";
    ERR_error_string_n(ERR_get_error(), text, sizeof text);
    return std::string("fake SMTP: ") + what + ": " + text;
}

std::string address(const std::string& argument) {
    const auto open = argument.find('<');
    const auto close = argument.find('>', open == std::string::npos ? 0 : open);
    if (open == std::string::npos || close == std::string::npos) return argument;
    return argument.substr(open + 1, close - open - 1);
}

}  // namespace

std::string ReceivedMail::header(const std::string& name) const {
    const auto headEnd = data.find("\r\n\r\n");
    const std::string head = data.substr(0, headEnd);
    // Unfold: a line starting with white space continues the previous one.
    std::vector<std::string> lines;
    std::size_t pos = 0;
    while (pos <= head.size()) {
        auto end = head.find("\r\n", pos);
        if (end == std::string::npos) end = head.size();
        const std::string line = head.substr(pos, end - pos);
        if (!line.empty() && (line[0] == ' ' || line[0] == '\t') && !lines.empty())
            lines.back() += line;
        else
            lines.push_back(line);
        pos = end + 2;
    }
    const std::string wanted = lower(name) + ":";
    for (const auto& line : lines)
        if (lower(line.substr(0, wanted.size())) == wanted) {
            std::string value = line.substr(wanted.size());
            value.erase(0, value.find_first_not_of(" \t"));
            return decodeWords(value);
        }
    return {};
}

std::string ReceivedMail::body() const {
    const auto headEnd = data.find("\r\n\r\n");
    std::string raw = headEnd == std::string::npos ? std::string() : data.substr(headEnd + 4);
    const std::string encoding = lower(header("Content-Transfer-Encoding"));
    if (encoding == "quoted-printable") raw = qpDecode(raw, false);
    if (encoding == "base64") raw = base64Decode(raw);
    std::string out;
    for (std::size_t i = 0; i < raw.size(); ++i)
        if (!(raw[i] == '\r' && i + 1 < raw.size() && raw[i + 1] == '\n')) out += raw[i];
    return out;
}

// The server side of STARTTLS: an RSA key and a self-signed certificate for localhost and
// 127.0.0.1 valid for a day, made afresh for each server; the certificate (its own CA) is written
// to a temporary directory for the client to trust.
struct FakeSmtpServer::Tls {
    TempDir dir;
    SSL_CTX* context = nullptr;

    Tls() {
        EVP_PKEY* key = EVP_RSA_gen(2048);
        X509* cert = X509_new();
        try {
            if (!key || !cert) throw std::runtime_error(openSslError("cannot make a key"));
            X509_set_version(cert, 2);
            ASN1_INTEGER_set(X509_get_serialNumber(cert), 1);
            X509_gmtime_adj(X509_getm_notBefore(cert), -60);
            X509_gmtime_adj(X509_getm_notAfter(cert), 24 * 60 * 60);
            X509_set_pubkey(cert, key);
            X509_NAME* name = X509_get_subject_name(cert);
            X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char*>("localhost"), -1,
                                       -1, 0);
            X509_set_issuer_name(cert, name);
            X509V3_CTX v3;
            X509V3_set_ctx_nodb(&v3);
            X509V3_set_ctx(&v3, cert, cert, nullptr, nullptr, 0);
            const std::pair<int, const char*> extensions[] = {
                {NID_basic_constraints, "critical,CA:TRUE"},
                {NID_subject_key_identifier, "hash"},
                {NID_subject_alt_name, "DNS:localhost,IP:127.0.0.1"},
            };
            for (const auto& [nid, value] : extensions) {
                X509_EXTENSION* extension = X509V3_EXT_conf_nid(nullptr, &v3, nid, value);
                if (!extension) throw std::runtime_error(openSslError("cannot make a certificate extension"));
                X509_add_ext(cert, extension, -1);
                X509_EXTENSION_free(extension);
            }
            if (X509_sign(cert, key, EVP_sha256()) == 0) throw std::runtime_error(openSslError("cannot sign"));

            FILE* out = std::fopen(dir.file("fake-smtp-ca.pem").c_str(), "w");
            if (!out) throw std::runtime_error("fake SMTP: cannot write the certificate");
            const bool written = PEM_write_X509(out, cert) == 1;
            std::fclose(out);
            if (!written) throw std::runtime_error(openSslError("cannot write the certificate"));

            context = SSL_CTX_new(TLS_server_method());
            if (!context || SSL_CTX_use_certificate(context, cert) != 1 || SSL_CTX_use_PrivateKey(context, key) != 1)
                throw std::runtime_error(openSslError("cannot set up TLS"));
        } catch (...) {
            if (context) SSL_CTX_free(context);
            X509_free(cert);
            EVP_PKEY_free(key);
            throw;
        }
        X509_free(cert);   // the context keeps its own references
        EVP_PKEY_free(key);
    }
    ~Tls() { SSL_CTX_free(context); }
    Tls(const Tls&) = delete;
    Tls& operator=(const Tls&) = delete;
    std::string certificateFile() const { return dir.file("fake-smtp-ca.pem"); }
};

FakeSmtpServer::FakeSmtpServer(FakeSmtpOptions options) : m_options(std::move(options)) {
    if (m_options.startTls) {
        m_tls = std::make_unique<Tls>();
        m_certificateFile = m_tls->certificateFile();
    }
    m_listener = ::socket(AF_INET, SOCK_STREAM, 0);
    if (m_listener < 0) throw std::runtime_error("fake SMTP: socket() failed");
    const int yes = 1;
    ::setsockopt(m_listener, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;   // the system picks a free port
    if (::bind(m_listener, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || ::listen(m_listener, 8) != 0)
        throw std::runtime_error("fake SMTP: cannot listen on 127.0.0.1");
    socklen_t length = sizeof addr;
    ::getsockname(m_listener, reinterpret_cast<sockaddr*>(&addr), &length);
    m_port = ntohs(addr.sin_port);
    m_thread = std::thread([this] { serve(); });
}

FakeSmtpServer::~FakeSmtpServer() {
    m_stop = true;
    if (m_thread.joinable()) m_thread.join();
    ::close(m_listener);
}

std::vector<ReceivedMail> FakeSmtpServer::messages() const {
    std::lock_guard lock(m_mutex);
    return m_messages;
}

std::vector<std::string> FakeSmtpServer::commands() const {
    std::lock_guard lock(m_mutex);
    return m_commands;
}

void FakeSmtpServer::serve() {
    // A client that hangs up while we write over TLS must not kill the test run with SIGPIPE
    // (SSL_write has no MSG_NOSIGNAL): blocked in this thread only.
    sigset_t pipe;
    sigemptyset(&pipe);
    sigaddset(&pipe, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &pipe, nullptr);
    while (!m_stop) {
        pollfd p{m_listener, POLLIN, 0};
        if (::poll(&p, 1, 50) <= 0) continue;
        const int client = ::accept(m_listener, nullptr, nullptr);
        if (client < 0) continue;
        timeval timeout{10, 0};   // a client that stops talking does not hang the test
        ::setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
        converse(client);
        ::close(client);
    }
}

void FakeSmtpServer::converse(int client) {
    Connection c;
    c.fd = client;
    std::string line;
    if (!sendAll(c, "220 fake-smtp.test ESMTP ready\r\n")) return;
    const bool wantsAuth = !m_options.user.empty();
    ReceivedMail mail;
    std::string user;   // authenticated as
    int queued = 0;
    const auto record = [&](const std::string& text) {
        std::lock_guard lock(m_mutex);
        m_commands.push_back(text);
    };
    while (readLine(c, line)) {
        record(line);
        const std::string verb = lower(line.substr(0, line.find(' ')));
        const std::string argument = line.find(' ') == std::string::npos ? "" : line.substr(line.find(' ') + 1);
        // AUTH is offered only over TLS when STARTTLS is, as real servers do.
        const bool authOffered = wantsAuth && (!m_tls || c.ssl);
        std::string reply;
        if (verb == "ehlo") {
            reply = "250-fake-smtp.test greets " + argument + "\r\n250-PIPELINING\r\n250-SIZE 10240000\r\n";
            if (m_tls && !c.ssl) reply += "250-STARTTLS\r\n";
            if (authOffered) reply += "250-AUTH LOGIN\r\n";
            reply += "250-8BITMIME\r\n250 SMTPUTF8\r\n";
        } else if (verb == "helo") {
            reply = "250 fake-smtp.test\r\n";
        } else if (verb == "starttls") {
            if (!m_tls || c.ssl) {
                reply = "502 5.5.1 Error: command not implemented\r\n";
            } else {
                if (!sendAll(c, "220 2.0.0 Ready to start TLS\r\n")) return;
                c.buffer.clear();   // nothing sent before the handshake counts (RFC 3207 §4.2)
                c.ssl = SSL_new(m_tls->context);
                if (!c.ssl || SSL_set_fd(c.ssl, c.fd) != 1 || SSL_accept(c.ssl) != 1) {
                    if (c.ssl) {
                        SSL_free(c.ssl);
                        c.ssl = nullptr;
                    }
                    ERR_clear_error();
                    return;
                }
                // A new session: the client says EHLO again, and nothing said before holds.
                mail = {};
                user.clear();
                continue;
            }
        } else if (verb == "auth") {
            const std::string mechanism = lower(argument.substr(0, argument.find(' ')));
            if (!authOffered) {
                reply = "503 5.5.1 Error: authentication not enabled\r\n";
            } else if (!user.empty()) {
                reply = "503 5.5.1 Error: already authenticated\r\n";
            } else if (mechanism != "login") {
                reply = "504 5.5.4 Unrecognized authentication type\r\n";
            } else {
                std::string name, password;
                if (argument.find(' ') != std::string::npos) {   // initial response: the user name
                    name = base64Decode(argument.substr(argument.find(' ') + 1));
                } else {
                    if (!sendAll(c, "334 VXNlcm5hbWU6\r\n") || !readLine(c, line)) return;   // "Username:"
                    record(line);
                    if (line == "*") {
                        if (!sendAll(c, "501 5.7.0 Authentication aborted\r\n")) return;
                        continue;
                    }
                    name = base64Decode(line);
                }
                if (!sendAll(c, "334 UGFzc3dvcmQ6\r\n") || !readLine(c, line)) return;   // "Password:"
                record(line);
                if (line == "*") {
                    reply = "501 5.7.0 Authentication aborted\r\n";
                } else if (name == m_options.user && base64Decode(line) == m_options.password) {
                    user = name;
                    reply = "235 2.7.0 Authentication successful\r\n";
                } else {
                    reply = "535 5.7.8 Error: authentication failed: authentication failure\r\n";
                }
            }
        } else if (verb == "mail") {
            if (wantsAuth && user.empty()) {
                reply = "530 5.7.0 Authentication required\r\n";
            } else {
                mail = {};
                mail.from = address(argument);
                mail.encrypted = c.ssl != nullptr;
                mail.user = user;
                reply = "250 2.1.0 Ok\r\n";
            }
        } else if (verb == "rcpt") {
            const std::string to = address(argument);
            if (m_reject) {
                reply = "550 5.1.1 <" + to + ">: Recipient address rejected: User unknown\r\n";
            } else {
                mail.recipients.push_back(to);
                reply = "250 2.1.5 Ok\r\n";
            }
        } else if (verb == "data") {
            if (mail.recipients.empty()) {
                reply = "554 5.5.1 Error: no valid recipients\r\n";
            } else {
                if (!sendAll(c, "354 End data with <CR><LF>.<CR><LF>\r\n")) return;
                std::string data;
                bool ended = false;
                while (readLine(c, line)) {
                    if (line == ".") {
                        ended = true;
                        break;
                    }
                    if (!line.empty() && line[0] == '.') line.erase(0, 1);   // dot-stuffing (RFC 5321 §4.5.2)
                    data += line + "\r\n";
                }
                if (!ended) return;
                mail.data = std::move(data);
                {
                    std::lock_guard lock(m_mutex);
                    m_messages.push_back(mail);
                }
                mail = {};
                reply = "250 2.0.0 Ok: queued as FAKE" + std::to_string(++queued) + "\r\n";
            }
        } else if (verb == "rset") {
            mail = {};
            reply = "250 2.0.0 Ok\r\n";
        } else if (verb == "noop") {
            reply = "250 2.0.0 Ok\r\n";
        } else if (verb == "quit") {
            sendAll(c, "221 2.0.0 Bye\r\n");
            return;
        } else {
            reply = "502 5.5.2 Error: command not recognized\r\n";
        }
        if (!sendAll(c, reply)) return;
    }
}

}  // namespace narcisse::test
