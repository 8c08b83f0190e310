/**
 * English: every word smallpop3 shows a person. Keys ending ".explain" are
 * the log's explanation of the reply or event with the same key; "cmd.*" explain
 * what a command asks for; "cli.*" and "banner.*" are the command line's.
 */
export default {
  // ── greeting and replies: the text after +OK / -ERR on the wire ──────────
  'greeting': 'smallpop3 POP3 server ready {stamp}',
  'greeting.explain': 'The server says hello with +OK: the session starts in the AUTHORIZATION state. The <...> part is a timestamp used by APOP logins (RFC 1939 §4, §7).',

  'user.ok': 'hello {user}, now send your password with PASS',
  'user.ok.explain': 'The mailbox "{user}" exists. The server waits for PASS with its password.',
  'user.unknown': 'no mailbox for "{user}" here; check the spelling (names are case-sensitive)',
  'user.unknown.explain': 'There is no account "{user}" in the maillist. [AUTH] marks a problem with the name or password (RFC 3206).',

  'pass.noUser': 'send USER with your name first, then PASS',
  'pass.noUser.explain': 'PASS must come straight after a USER that the server accepted (RFC 1939 §7).',
  'pass.wrong': 'wrong password for "{user}"; start again with USER, then PASS',
  'pass.wrong.explain': 'The password does not match. The session stays in AUTHORIZATION and the client must send USER again. [AUTH] marks a credentials problem (RFC 3206).',

  'apop.wrong': 'wrong name or digest for "{user}"',
  'apop.wrong.explain': 'APOP failed: the digest must be the MD5 of the greeting\'s <...> timestamp followed by the password, in lowercase hex (RFC 1939 §7).',

  'auth.list': 'SASL mechanisms follow: {list}',
  'auth.list.explain': 'AUTH alone lists the ways of logging in with AUTH (SASL mechanisms), one per line. CAPA lists them too, on its SASL line (RFC 5034).',
  'auth.unknown': 'this server does not offer the SASL mechanism "{mechanism}"; it offers {list}',
  'auth.unknown.explain': 'AUTH names a SASL mechanism; this server knows only {list}. Send AUTH alone, or CAPA, to see the list (RFC 5034 §4).',
  'auth.noMechanism': 'AUTH names a mechanism first, then the credentials: AUTH PLAIN and the base64',
  'auth.noMechanism.explain': 'The word after AUTH is the name of a SASL mechanism ({list} here), and the credentials in base64 come after it: AUTH PLAIN AGd1ZXN0AHZpc2l0b3I=. The log shows what was typed masked, since base64 credentials reveal the password (RFC 5034 §4).',
  'auth.continue': 'go on: send the credentials in base64, or * to cancel',
  'auth.continue.explain': '"+ " asks the client to go on: the server waits for the next line, which is not a command but the credentials in base64 (for PLAIN: nothing, a NUL byte, the user, a NUL byte, the password). A line holding only * cancels (RFC 5034 §4).',
  'auth.cancelled': 'AUTH cancelled; log in again when you are ready',
  'auth.cancelled.explain': 'The client sent * instead of credentials, which cancels AUTH (RFC 5034 §4). The session stays in AUTHORIZATION: any way of logging in may be tried again.',
  'auth.notBase64': 'the credentials are not valid base64; nothing was checked',
  'auth.notBase64.explain': 'AUTH PLAIN wants its credentials in base64 (letters, digits, + and /, padded with = to a multiple of 4 characters). Make them with: printf \'\\0guest\\0visitor\' | base64. The session stays in AUTHORIZATION (RFC 5034 §4).',
  'auth.notPlain': 'the credentials decode, but not to name, NUL, user, NUL, password',
  'auth.notPlain.explain': 'PLAIN credentials are three parts separated by NUL bytes: the identity to act as (usually empty), the user and the password (RFC 4616 §2). Make them with: printf \'\\0guest\\0visitor\' | base64. The session stays in AUTHORIZATION.',
  'auth.authzid': '"{user}" may not log in as "{authzid}": leave the first part empty',
  'auth.authzid.explain': 'The first part of PLAIN credentials names who to act as. This server lets each user act only as itself, so it must be empty or the user\'s own name (RFC 4616 §2). The password was not checked; the session stays in AUTHORIZATION.',
  'auth.wrong': 'wrong name or password for "{user}"',
  'auth.wrong.explain': 'The user or the password in the PLAIN credentials is wrong. The session stays in AUTHORIZATION. [AUTH] marks a credentials problem (RFC 3206).',

  'stls.ok': 'begin TLS negotiation',
  'stls.ok.explain': 'The server agreed: the client now starts the TLS handshake, and everything after it is encrypted. Whatever the client sent after STLS, before the handshake, is thrown away (RFC 2595 §4). Send CAPA again once TLS is on: what the server offers changes (STLS is gone).',
  'stls.already': 'this connection is already encrypted (TLS)',
  'stls.already.explain': 'STLS turns a plain connection to TLS; this one is already encrypted, so there is nothing to do (RFC 2595 §4).',
  'stls.unavailable': 'this server has no certificate, so it cannot start TLS',
  'stls.unavailable.explain': 'TLS needs a certificate, and this server was started without one. The smallpop3 command always has one (its own, or --cert and --key); a program that starts the server itself must give it one.',
  'stls.loggedIn': 'STLS must come before logging in: the password has already been sent',
  'stls.loggedIn.explain': 'TLS is started before USER, PASS or AUTH, so that the password never travels in clear (RFC 2595 §4). QUIT, connect again and send STLS first.',
  'tls.required': '{verb} needs an encrypted connection here: send STLS first, or connect to the TLS port',
  'tls.required.explain': 'This server takes passwords only over TLS (--require-tls), so that nobody on the network can read them. Send STLS to encrypt this connection, then log in; or connect to the POP3S port with openssl s_client.',

  'login.ok': '{user} has {count|message|messages} ({octets|octet|octets})',
  'login.ok.explain': 'Logged in. The maildrop is now locked for this session and the state is TRANSACTION: {count|message|messages}, {octets|octet|octets} in all.',
  'login.inUse': 'the maildrop of "{user}" is already open in another session; end that one with QUIT and try again',
  'login.inUse.explain': 'Only one session at a time may open a maildrop: the server locks it at login (RFC 1939 §4). [IN-USE] tells the client that the password was right but another session holds the lock (RFC 2449 §8.1.2).',
  'login.failed': 'cannot open the maildrop of "{user}": {reason}',
  'login.failed.explain': 'The password was right but the maildrop could not be read. [SYS/PERM] means a problem on the server\'s side that its administrator must fix; [SYS/TEMP] one that may go away if the client tries again later (RFC 3206).',

  'quit.auth': 'goodbye',
  'quit.auth.explain': 'The session ends from the AUTHORIZATION state: nothing was changed (RFC 1939 §6).',
  'quit.update': 'goodbye',
  'quit.update.explain': 'The session enters the UPDATE state.',
  'quit.done': 'goodbye: {deleted} deleted, {left} left',
  'quit.done.explain': 'QUIT in TRANSACTION enters the UPDATE state: the server removed {deleted|message|messages} marked with DELE and kept {left}. Then the connection closes (RFC 1939 §6).',
  'quit.none': 'goodbye: nothing deleted, {left|message|messages} left',
  'quit.none.explain': 'QUIT in TRANSACTION enters the UPDATE state, but no message was marked with DELE, so the maildrop is unchanged. Then the connection closes (RFC 1939 §6).',
  'quit.failed': 'could not update the maildrop ({reason}); nothing was deleted',
  'quit.failed.explain': 'UPDATE failed, so the maildrop was left exactly as it was: no message was removed (RFC 1939 §6).',
  'quit.unfinished': 'the update stopped halfway ({reason}); the next login finishes it',
  'quit.unfinished.explain': 'Some of the messages marked with DELE are removed and some not yet. The server wrote down what it had to do before starting, so the next login (or the next start of the server) finishes the job (RFC 1939 §6).',

  'stat.ok': '{count} {octets}',
  'stat.ok.explain': '{count|message|messages}, {octets|octet|octets} in all. Messages marked with DELE are not counted (RFC 1939 §5).',

  'list.all': '{count|message|messages} ({octets|octet|octets})',
  'list.all.explain': 'One line per message: its number and its size in octets; deleted messages are left out. The list ends with a line holding only "." (RFC 1939 §5).',
  'list.one': '{n} {size}',
  'list.one.explain': 'Message {n} is {size|octet|octets} long (RFC 1939 §5).',

  // the size as digits only, whatever the language: fetchmail reads it from this line (RFC 1939 §7's example)
  'retr.ok': '{size} octets',
  'retr.ok.explain': 'Message {n} follows: headers, a blank line, the body. {size|octet|octets}, counted with CRLF line ends and before dot-stuffing (RFC 1939 §5, §11).',

  'dele.ok': 'message {n} deleted',
  'dele.ok.explain': 'Message {n} is only marked for deletion: it disappears from LIST and RETR now, and is really removed after QUIT. RSET would bring it back (RFC 1939 §5).',
  'dele.already': 'message {n} is already deleted',
  'dele.already.explain': 'Message {n} was already marked with DELE in this session; marking it again changes nothing. It is removed after QUIT, unless RSET unmarks it first.',

  'noop.ok': '',
  'noop.ok.explain': 'NOOP does nothing; the server just answers +OK (RFC 1939 §5).',

  'rset.ok': 'maildrop has {count|message|messages} ({octets|octet|octets})',
  'rset.ok.explain': 'RSET undid {restored|deletion|deletions}: every message is back (RFC 1939 §5).',

  'top.ok': 'headers and up to {lines|body line|body lines} of message {n} follow',
  'top.ok.explain': 'TOP sends the headers of message {n}, the blank line, then at most {lines|line|lines} of the body; a shorter body is sent whole (RFC 1939 §7).',
  'top.headers': 'only the headers of message {n} follow',
  'top.headers.explain': 'TOP {n} 0 sends the headers of message {n} and the blank line that ends them, and no line of the body (RFC 1939 §7).',
  'top.badLines': '"{arg}" is not a number of lines; TOP {n} 0 shows just the headers',
  'top.badLines.explain': 'TOP needs two numbers: the message and how many body lines to show.',

  'uidl.all': 'unique-ids follow',
  'uidl.all.explain': 'One line per message: its number and its unique id. The id stays the same in every session, so a client can tell which messages it has already downloaded (RFC 1939 §7).',
  'uidl.one': '{n} {uid}',
  'uidl.one.explain': 'The unique id of message {n} is {uid}; it will be the same in the next session (RFC 1939 §7).',

  'capa.ok': 'capability list follows',
  'capa.ok.explain': 'CAPA lists the capabilities of this server, one per line: optional commands, extensions and ways it behaves (RFC 2449 §5, §6).',

  // issue 11, new: RFC 6856 LANG. lang.ok starts with {tag}, the chosen language's tag, as RFC 6856 §3 wants it first
  'lang.list': 'language listing follows',
  'lang.list.explain': 'LANG alone lists the languages this server can answer in, one per line: the language\'s tag and its name in that language. LANG and a tag (like LANG es) switches this session to it (RFC 6856 §3).',
  'lang.ok': '{tag} from now on, the replies of this session are in English',
  'lang.ok.explain': 'This session now speaks the language {tag}: the text after +OK and -ERR, and the log\'s explanations of this session, are in it from now on. Other sessions keep their own. The reply starts with the tag of the language chosen (RFC 6856 §3).',
  'lang.unknown': 'no language "{tag}" here; this server speaks {list}',
  'lang.unknown.explain': 'LANG names a language by its tag (RFC 5646), like es or ca-ES; this server has {list}. After -ERR the session keeps the language it had (RFC 6856 §3).',

  'msg.none': 'no message {n}: the maildrop has {total|message|messages}',
  'msg.none.explain': 'Messages are numbered from 1 to {total}; the numbers stay the same for the whole session.',
  'msg.zero': 'no message 0: messages are numbered from 1 to {total}',
  'msg.zero.explain': 'POP3 numbers messages from 1, not 0 (RFC 1939 §4).',
  'msg.emptyDrop': 'no message {arg}: the maildrop is empty',
  'msg.emptyDrop.explain': 'This maildrop holds no messages, so no message number is valid.',
  'msg.notNumber': '"{arg}" is not a message number; use a number from 1 to {total}',
  'msg.notNumber.explain': 'A message number is written in digits only, like 1 or 12.',
  'msg.gone': 'message {n} was removed from the maildrop by another program; the others are still there',
  'msg.gone.explain': 'Another mail reader deleted or moved the message file while this session was open. [SYS/TEMP] marks a problem on the server\'s side.',
  'msg.unreadable': 'message {n} cannot be read: {reason}',
  'msg.unreadable.explain': 'The server could not read the message from disk. [SYS/TEMP] marks a problem on the server\'s side.',
  'msg.deleted': 'message {n} is deleted; RSET undeletes it',
  'msg.deleted.explain': 'Message {n} was marked for deletion with DELE in this session, and a marked message cannot be retrieved (RFC 1939 §5). It is still in the maildrop until QUIT: RSET unmarks it, and RETR works again.',
  'msg.deleted.top': 'message {n} is deleted; RSET undeletes it',
  'msg.deleted.top.explain': 'Message {n} was marked for deletion with DELE in this session, and TOP refuses a marked message, as RETR does (RFC 1939 §7). It is still in the maildrop until QUIT: RSET unmarks it.',
  'msg.deleted.list': 'message {n} is deleted; RSET undeletes it',
  'msg.deleted.list.explain': 'Message {n} was marked for deletion with DELE in this session, and LIST leaves out marked messages (RFC 1939 §5). It is still in the maildrop until QUIT, with its number: RSET unmarks it, and LIST shows it again.',
  'msg.deleted.uidl': 'message {n} is deleted; RSET undeletes it',
  'msg.deleted.uidl.explain': 'Message {n} was marked for deletion with DELE in this session, and UIDL leaves out marked messages (RFC 1939 §7). Its unique id has not changed: RSET unmarks it, and UIDL shows it again; after QUIT it is removed.',

  'server.bug': 'the server failed on this command ({reason}); the session goes on',
  'server.bug.explain': 'This is a bug in smallpop3, not a mistake of yours: please report it with the command that caused it.',
  'server.full': 'the server is full: it serves at most {limit|connection|connections} at once; try again in a moment',
  'server.full.explain': 'The server already has {limit|connection|connections} open, as many as it serves at once (--max-connections), so it answered this one -ERR and closed it; everyone already connected goes on as before. [SYS/TEMP] tells the client that the problem is on the server\'s side and may pass (RFC 3206).',
  'line.empty': 'empty line: type a command, for example CAPA',
  'line.empty.explain': 'The client sent an empty line; every POP3 line holds a command.',
  'line.spaces': 'the line holds only spaces: type a command, for example CAPA',
  'line.spaces.explain': 'The client sent spaces and nothing else. Every POP3 line holds a command; spaces only separate its words (RFC 1939 §3).',
  'line.leadingSpace': 'the line starts with a space: type the command at the very start of the line',
  'line.leadingSpace.explain': 'A POP3 line begins with the command itself, like STAT or LIST 1; a space comes only between the command and its arguments (RFC 1939 §3).',
  'line.tab': 'the line holds a tab at column {column}: separate words with one space, not a tab',
  'line.tab.explain': 'A tab is not a space: POP3 separates a command from its arguments with exactly one space (RFC 1939 §3). Type the line again with a space where the tab was.',
  'line.control': 'the line holds a control character ({name}) at column {column}; type the line again without correcting it',
  'line.control.explain': 'Your terminal sent the key as a byte instead of editing the line, so the server sees it as part of the command. Retype the whole line without correcting it, or switch telnet to line mode (press Ctrl-] and type "mode line"), where Backspace edits the line before it is sent.',
  'line.tooLong': 'line too long ({octets} octets): a command line holds at most 255',
  'line.tooLong.explain': 'RFC 2449 §4 limits a command line to 255 octets, CRLF included. The line was ignored; the session goes on.',
  'line.endless': '{octets} octets without a line end: a command line holds at most 255, so the server closes the connection',
  'line.endless.explain': 'A command line ends when you press Enter (CRLF) and holds at most 255 octets (RFC 2449 §4). The client sent {octets|octet|octets} without ending a line, more than the {limit|octet|octets} the server reads before it gives up, so it closed the connection without UPDATE: nothing was deleted.',
  'telnet.cut': 'your telnet sent the bytes 255 250 (a sub-negotiation), which this server never asked for, and what came after them ({octets} octets) was skipped; type your last command again',
  'telnet.cut.explain': 'The byte 255 starts a telnet command (RFC 854), and 255 250 a sub-negotiation (RFC 855), which may only follow an option both sides agreed to; this server agrees to none that has one. Looking for its end (255 240), the server skipped {octets|octet|octets}, up to the end of the line and at most 64, then went back to reading commands: what was typed there is lost, and the session goes on.',

  'verb.unknown': 'unknown command "{verb}"; CAPA lists what this server supports',
  'verb.unknown.explain': 'POP3 commands are three or four letters, like USER, STAT, LIST, RETR, TOP, QUIT (RFC 1939 §3).',
  'verb.unsupported': '{verb} ({what}) is not supported by this server; CAPA lists what is',
  'verb.unsupported.explain': '{verb} is a real POP3 command, but this server does not offer it. A client should send CAPA first and use only what is listed (RFC 2449).',
  'verb.removed': '{verb} is no longer part of POP3 ({what})',
  'verb.removed.explain': '{verb} was a command of an older version of POP3. RFC 1939, the POP3 of today, does not have it, so no server has to offer it.',
  'verb.unknownGuess': 'unknown command "{verb}" (did you mean {guess}?)',
  'verb.unknownGuess.explain': '"{verb}" is not a POP3 command; {guess} is the nearest one.',

  'args.spaces': 'separate {verb} and its arguments with single spaces: {usage}',
  'args.spaces.explain': 'POP3 arguments are separated by exactly one space (RFC 1939 §3).',
  'args.missing': '{verb} needs an argument: {usage} (for example {example})',
  'args.missing.explain': 'The command is written {usage}.',
  'args.extra': 'too many arguments: {usage} (for example {example})',
  'args.extra.explain': 'The command is written {usage}.',
  // how a command with arguments is written, for the replies above: the verb as it is, the arguments in words (RFC 1939's own)
  'usage.USER': 'USER name',
  'usage.PASS': 'PASS password',
  'usage.APOP': 'APOP name digest',
  'usage.AUTH': 'AUTH PLAIN [credentials in base64]',
  'usage.LIST': 'LIST [msg]',
  'usage.RETR': 'RETR msg',
  'usage.DELE': 'DELE msg',
  'usage.TOP': 'TOP msg lines',
  'usage.UIDL': 'UIDL [msg]',
  'usage.LANG': 'LANG [language]',

  'state.needLogin': '{verb} is a TRANSACTION-state command; log in with USER and PASS first',
  'state.needLogin.explain': 'Before logging in the session is in the AUTHORIZATION state, where only USER, PASS, APOP, AUTH, STLS, CAPA, LANG and QUIT are allowed (RFC 1939 §4, RFC 2449 §5).',
  'state.loggedIn': '{verb} is an AUTHORIZATION-state command, and you are already logged in',
  'state.loggedIn.explain': 'After a successful login the session is in the TRANSACTION state; to log in as someone else, QUIT and connect again.',

  // ── what a command asks for (the log's explanation of a client line) ─────
  'cmd.USER': 'Names the mailbox to open: "{a0}". PASS with its password must follow.',
  'cmd.PASS': 'The password of "{user}", the user named by the USER before it.',
  'cmd.PASS.noUser': 'A password, but no USER was accepted before it: USER and the name must come first, then PASS.',
  'cmd.PASS.tls': 'This session is encrypted (TLS), so someone watching the network cannot read the password; the server still sees it.',
  'cmd.PASS.clear': 'The password travels in clear text: anyone who can watch the network reads it. APOP logs in without sending it; TLS encrypts the whole connection.',
  'cmd.PASS.masked': 'The password is masked here (--show-secrets shows it); transcripts never keep it.',
  'cmd.masked': 'Part of this line may be a password (a mistyped PASS, or words typed after USER), so it is shown as ********. To log in, send USER and the name, then PASS and the password, each on a line of its own. --show-secrets shows it in the log; transcripts never keep it.',
  'cmd.APOP': 'Logs in as "{a0}" without sending the password: {a1} is the MD5 of the greeting\'s timestamp followed by the password.',
  'cmd.AUTH': 'Asks which SASL mechanisms AUTH offers.',
  'cmd.AUTH.one': 'Starts logging in with the SASL mechanism {a0}: the server answers "+ " and waits for the credentials on the next line.',
  'cmd.AUTH.two': 'Logs in with the SASL mechanism {a0}, the credentials (in base64) on the same line.',
  'cmd.response': 'Not a command: the credentials the server asked for with "+ ", in base64.',
  'cmd.response.cancel': 'Not a command: * cancels the AUTH the server was waiting for.',
  'cmd.base64': 'Base64 is an encoding, not encryption: anyone who sees this line reads it as {decoded} (\\0 is a NUL byte).',
  'cmd.base64.clear': 'Anyone who can watch the network can decode it: TLS (STLS, or the POP3S port) is what hides it.',
  'cmd.STLS': 'Asks to turn this connection to TLS, so that everything after it, the password included, is encrypted.',
  'cmd.QUIT': 'Ends the session.',
  'cmd.QUIT.update': 'Ends the session: the server enters the UPDATE state and removes the messages marked with DELE.',
  'cmd.STAT': 'Asks how many messages there are and their total size.',
  'cmd.LIST': 'Asks for the size of every message.',
  'cmd.LIST.one': 'Asks for the size of message {a0}.',
  'cmd.RETR': 'Asks for the whole of message {a0}: headers and body.',
  'cmd.DELE': 'Marks message {a0} for deletion; it is only removed after QUIT.',
  'cmd.NOOP': 'Does nothing: a way to check the server is still there.',
  'cmd.RSET': 'Undoes every DELE of this session.',
  'cmd.TOP': 'Asks for the headers of message {a0}, the blank line after them, and up to {a1|line|lines} of the start of its body.',
  'cmd.TOP.headers': 'Asks for only the headers of message {a0} and the blank line that ends them, and no line of its body.',
  'cmd.TOP.notNumber': 'Asks for the headers of message {a0} and the start of its body, but "{a1}" is not a number of lines.',
  'cmd.UIDL': 'Asks for the unique id of every message.',
  'cmd.UIDL.one': 'Asks for the unique id of message {a0}.',
  'cmd.CAPA': 'Asks which capabilities the server has: optional commands, extensions, ways it behaves.',
  'cmd.unknown': 'Not a command this server knows.',
  'cmd.unreadable': 'The line holds a control character (a tab, a backspace, an arrow key…), so the server does not read it as a command; the answer says which one and where.',
  'cmd.unsupported': 'A real POP3 command, from an extension this server does not offer.',
  'cmd.removed': 'A command of an older version of POP3, removed before RFC 1939.',
  'cmd.blank': 'A line with no command in it: empty, or only spaces.',
  'cmd.leadingSpace': 'A line that starts with a space: the server looks for the command at the very start, so it finds none.',
  'cmd.usage': '{verb} is written {usage}.',
  // issue 11, new: RFC 6856 LANG
  'cmd.LANG': 'Asks which languages the server can answer in.',
  'cmd.LANG.one': 'Asks the server to answer in the language {a0} from now on.',
  'cmd.LANG.any': 'Asks the server to answer in its default language from now on.',

  // ── names of things inside replies ───────────────────────────────────────
  'control.0': 'NUL',
  'control.8': 'backspace',
  'control.13': 'carriage return (CR) inside the line',
  'control.27': 'escape (an arrow key sends it)',
  'control.127': 'delete (DEL)',
  'control.255': 'byte 255',
  'control.ctrl': 'Ctrl-{letter} (byte {byte})',
  'unsupported.LAST': 'RFC 1725 removed it in 1994; UIDL tells which messages a client has already seen',
  'unsupported.RPOP': 'RFC 1460 removed it in 1993; APOP logs in without sending the password',
  'unsupported.XTND': 'an extension of some old servers, from RFC 1082',
  // issue 11, new: the names of the languages. language.name is this language's own name, as a list of
  // languages shows it (English, Español, Català); language.XX is how a sentence in this language names XX
  'language.name': 'English',
  'language.en': 'English',
  'language.es': 'Spanish',
  'language.ca': 'Catalan',

  // ── events and log furniture ─────────────────────────────────────────────
  'ev.connect': 'A client connected from {remote}.',
  'ev.connect.tls': 'A client connected from {remote} over TLS ({protocol}, cipher {cipher}): everything on this connection, passwords included, is encrypted; someone watching the network sees only scrambled bytes. Lines marked 🔒 travel encrypted.',
  'ev.tlsError': 'A connection from {remote} to the TLS port failed its handshake ({reason}). A plain-text client (telnet, nc) on the TLS port looks like this: the server expects TLS from the first byte. Use openssl s_client -connect, or the plain port.',
  'ev.tlsError.stls': 'The TLS handshake after STLS failed ({reason}), so the server closed the connection. A client (telnet, nc) that sends more commands instead of starting TLS looks like this; use openssl s_client -starttls pop3.',
  'ev.starttls': 'TLS started ({protocol}, cipher {cipher}): from here on everything on this connection is encrypted; lines marked 🔒 travel encrypted. The session is still in AUTHORIZATION: log in now, and nobody on the network can read the password. Anything sent before the handshake was thrown away.',
  'ev.disconnect.quit': 'The session ended with QUIT and the connection closed.',
  'ev.disconnect.client': 'The client closed the connection without QUIT: nothing was deleted.',
  'ev.disconnect.timeout': 'No command for {seconds} seconds: the auto-logout timer closed the connection without UPDATE, so nothing was deleted (RFC 1939 §3).',
  'ev.disconnect.shutdown': 'The server is stopping: the connection was closed without UPDATE, so nothing was deleted.',
  'ev.disconnect.error': 'The connection failed ({reason}); nothing was deleted.',
  'ev.disconnect.full': 'The server was full, so it closed this connection at once; the others go on.',
  'ev.disconnect.endless': 'The server closed the connection after a line without end, without UPDATE: nothing was deleted.',
  'ev.delay': 'Failed login number {failures} in a row from {address}: the answer waited {ms} ms, so that guessing passwords is slow. Each failure in a row waits longer, up to a limit, and connections from the same address wait in turn; logging in as that user ends it, and so does a minute without failures.',
  'ev.login.ok': '{user} logged in with {method}. The maildrop holds {count|message|messages}, {octets|octet|octets} in all, and is locked for this session.',
  'ev.login.AUTH': 'A login with {method} failed: the name or the password is wrong ([AUTH]). The session stays in AUTHORIZATION.',
  'ev.login.IN-USE': 'A login with {method} failed: the password was right, but another session has the maildrop open ([IN-USE]).',
  'ev.login.SYS/PERM': 'A login with {method} failed: the password was right, but the maildrop cannot be opened until the server\'s administrator fixes it ([SYS/PERM]).',
  'ev.login.SYS/TEMP': 'A login with {method} failed: the password was right, but the maildrop could not be opened just now; trying again later may work ([SYS/TEMP]).',
  'ev.update.mbox': 'UPDATE: {deleted|message|messages} removed from {path}, {left} kept. The whole file was written again to a temporary file, then renamed over the old one, so it is never half written.',
  'ev.update.maildir': 'UPDATE: {deleted|message file|message files} removed from {path}, {left} kept; messages read with RETR moved from new/ to cur/. A list of these steps was written first, so a crash halfway is finished at the next login.',
  'ev.update.unfinished': 'UPDATE stopped halfway ({reason}); the list of steps written first lets the next login finish it.',
  'ev.update.none': 'UPDATE: no message was marked with DELE, so the maildrop was not changed.',
  'ev.update.failed': 'UPDATE failed ({reason}); the maildrop was not changed.',
  'log.state': 'state {before} ({meaning})',
  'log.stateChange': 'state {before} → {after} ({meaning})',
  'state.AUTHORIZATION': 'not logged in yet',
  'state.TRANSACTION': 'logged in: reading and marking messages',
  'state.UPDATE': 'removing the messages marked with DELE, then closing',
  'log.multi': 'multi-line: {lines|line|lines}, {octets|octet|octets}{stuffed}, then a line holding only "."',
  'log.stuffed': ', {count} dot-stuffed (a leading "." doubled)',
  'transcript.cut': 'The transcript stops here: this session wrote {limit|octet|octets}, the most one session may. Its later commands and replies are not recorded; how it ended is.',
  'log.truncated': '… (--verbose shows at most 200 lines of a response)',
  'log.dropped': '… {count|log entry|log entries} not shown: events came faster than this output could take them',

  // ── problems with files, shown in -ERR replies and on the command line ──
  'store.inUse': 'the maildrop is already open in another session',
  'store.missing': 'the maildrop {path} is missing ({code})',
  'store.notMaildir': '{path} is a folder but not a maildir: a maildir holds cur/, new/ and tmp/',
  'store.unreadable': 'cannot read {path}: {reason}',
  'store.notMbox': 'line {line} comes before the first "From " line, so this is not an mbox file',
  'store.gone': 'the file of message {n} is gone',
  'store.shortened': 'the mbox file was shortened by another program during the session',
  'store.changed': 'another program rewrote the mbox file during the session',
  'store.busy': 'another program (a mail delivery, most likely) has held the lock {path} for too long; try again in a moment',
  'store.unfinished': '{reason}',
  'maillist.unreadable': 'cannot read the maillist ({why})',
  'maillist.noFile': 'no such file',
  'maillist.denied': 'permission denied',
  'maillist.isFolder': 'this is a folder, not a file',
  'maillist.fields': 'expected 3 fields "user password mailbox", found {found}: "{line}"',
  'maillist.duplicate': 'user "{user}" is already defined on line {first}; each user needs one line',
  'maillist.missing': 'mailbox "{mailbox}" of user "{user}" not found (looked for {path})',
  'maillist.notMaildir': 'mailbox "{mailbox}" of user "{user}" is a folder but not a maildir: a maildir holds cur/, new/ and tmp/',
  'maillist.empty': 'no accounts: add a line "user password mailbox"',
  'exercise.noFront': 'no front matter: start the file with ---, title: ..., account: ..., ---',
  'exercise.noTitle': 'the front matter has no title:',
  'exercise.noAccount': 'the front matter has no account: (the user the exercise logs in as)',
  'exercise.stepNumber': 'step {found} should be step {expected}',
  'exercise.noSteps': 'no steps: add headings like "## Step 1: Connect"',
  'exercise.badLine': 'step {step}: a pop3 block line must start with "C: " or "S: ", not "{line}"',
  // issue 11, new: the words the exercise parser looks for (bare words; see the agreed table of markers)
  'exercise.marker.learn': 'What you will learn',
  'exercise.marker.why': 'Why it matters',
  'exercise.marker.step': 'Step',
  'exercise.marker.question': 'Question',
  'exercise.marker.choices': 'Choices',
  'exercise.marker.accept': 'Accept',
  'exercise.marker.answer': 'Answer',

  // ── the command line ─────────────────────────────────────────────────────
  'banner.title': 'smallpop3 {version}: a POP3 server for learning',
  'banner.listening': 'Listening on {where}',
  'banner.listeningTls': 'POP3S (TLS from the first byte) on {where}',
  'banner.fingerprint': 'Certificate {path}\n    SHA-256 fingerprint {fingerprint}\n    (a client must be shown the same; see what it is shown with: openssl s_client -starttls pop3 -connect {where} </dev/null 2>/dev/null | openssl x509 -noout -fingerprint -sha256)',
  'banner.fingerprintGiven': 'Certificate SHA-256 fingerprint {fingerprint}\n    (a client must be shown the same; see what it is shown with: openssl s_client -starttls pop3 -connect {where} </dev/null 2>/dev/null | openssl x509 -noout -fingerprint -sha256)',
  'banner.connectTls': 'Over TLS:  {command}',
  'banner.connectStls': 'With STLS:  {command}',
  'banner.sample': 'Serving the bundled sample mailboxes from a scratch copy in {dir}\n  (deleting mail there never changes smallpop3 itself; "smallpop3 reset" restores it)',
  'banner.maillist': 'Serving the accounts in {file}',
  'banner.accounts': 'Accounts: {list}',
  'banner.connect': 'From another terminal, connect with:  {command}',
  'banner.network': 'From other machines on the network:',
  'banner.telnet': 'telnet {host} {port}',
  'banner.openssl': 'openssl s_client -connect {where} -ign_eof',
  'banner.opensslStls': 'openssl s_client -starttls pop3 -connect {where} -ign_eof',
  'banner.try': 'then type, one line at a time:\n    USER {user}   PASS {password}   STAT   LIST   RETR 1   QUIT',
  'banner.connections': 'Serves at most {max|connection|connections} at once (--max-connections N to change it)',
  'banner.stop': 'Every line is shown below with an explanation. Press Ctrl-C to stop.',
  'banner.stopping': 'Stopping: open sessions are closed without UPDATE, so nothing is deleted.',
  // issue 11, new: the language in use and how to change it; {options} is like "--lang es or --lang ca"
  'banner.language': 'Language: {language}. To start in another, use {options}; in a session, LANG lists the languages and LANG {example} switches its replies.',
  'banner.wireLanguage': 'The replies sent to clients are in {language} (--wire-lang); everything else here follows --lang.',
  'banner.account': '{user} (password {password})',

  'cli.unknownOption': 'unknown option {option}; "smallpop3 --help" lists the options',
  'cli.badNumber': 'option {option} needs a whole number from {min} to {max}, not "{value}"',
  'cli.badTimeout': 'option --timeout needs a number of seconds from 1 to 86400 (like 600 or 10m), not "{value}"',
  'cli.badLog': 'option --log must be "text" or "json", not "{value}"',
  'cli.badLang': 'option --lang must be one of: {languages}, not "{value}"',
  // issue 11, new
  'cli.badWireLang': 'option --wire-lang must be one of: {languages}, not "{value}"',
  'cli.valueNeeded': 'option {option} needs a value',
  'cli.noValueWanted': 'option {option} takes no value',
  'cli.listenFailed': 'cannot listen on {host} port {port}: {reason}',
  'cli.unknownCommand': 'unknown command "{command}"; the commands are: {commands}',
  'cli.portInUse': 'port {port} on {host} is already in use (is another smallpop3 running?); stop it or choose another port with {option} {other}',
  'cli.portDenied': 'not allowed to listen on port {port}: ports below 1024 need root; use a higher one, like {option} {other}',
  'cli.hostUnavailable': 'cannot listen on {host}: this machine has no such address; use 127.0.0.1, 0.0.0.0 or ::',
  'cli.unknownExercise': 'there is no exercise "{name}"; "smallpop3 exercises" lists them',
  'cli.needExercise': 'say which exercise to check, for example: smallpop3 check 1 ("smallpop3 exercises" lists them)',
  'cli.badExercise': 'an exercise file is broken: {problem}',

  'exercises.header': 'Exercises (the files are in {dir}):',
  'exercises.line': '{n}. {title}  (account {account}; smallpop3 check {number})',
  'exercises.footer': 'Read one as a handout in that folder, or let "smallpop3 check N" tell you what you have done.',
  // issue 11, new: an exercise not yet translated into the student's language
  'exercises.inEnglish': '(in English)',
  'exercises.notTranslated': 'This exercise has no translation into {language} yet, so it is shown in English.',

  'check.title': 'Exercise {number}: {title}',
  'check.read': 'Read {sessions|session|sessions} of user "{user}" in {dir}',
  'check.none': 'No session of user "{user}" was recorded in {dir} yet: connect, log in as {user} and follow the exercise.',
  'check.goal': 'Step {step}: {title}',
  'check.type': 'type: {lines}',
  'check.typeNew': 'type, in a second telnet connection as the exercise says: {lines}',
  'check.typeStls': 'telnet cannot speak TLS: connect with openssl s_client -starttls pop3 as the exercise shows (openssl sends STLS for you), and type: {lines}',
  'check.typeTls': 'with TLS from the first byte, which telnet cannot do: connect to the TLS port with openssl s_client -connect as the exercise shows (or use the client it names), and type: {lines}',
  'check.sent': 'you sent "{sent}" and the server answered "{answered}"; the exercise expects "{expected}"',
  'check.cut': '{sessions|session|sessions} wrote more than a transcript keeps ({limit|octet|octets}): what came after that is not recorded, so it cannot count here.',
  'check.resetHint': 'If the numbers differ because messages were deleted in an earlier session, "smallpop3 reset" brings the sample mailboxes back.',
  'check.allDone': 'All {total} goals met: exercise {number} is done.',
  'check.someDone': '{met} of {total} goals met. Follow the hints above, then run the check again.',

  'cli.noTranscripts': 'warning: cannot record sessions in {dir} ({code}), so "smallpop3 check" will not see them; choose another folder with --transcripts DIR',
  'tls.unreadable': 'cannot read {path} ({code}): check the path given to --cert or --key',
  'tls.notCertificate': '{path} is not a PEM certificate (it should start with -----BEGIN CERTIFICATE-----)',
  'tls.badPair': 'the certificate {cert} and the key {key} cannot be used together: {reason}',
  'cli.tlsOptions': '--cert and --key go together: give both, or neither for a self-signed certificate',
  'cli.fileProblem': 'cannot use {path} ({code}: {reason}); check that it exists and that you may read and write it',
  'cli.reset': 'The sample mailbox is restored: {dir}',
  'sample.inUse': 'cannot reset the sample now: a session of "{user}" has {mailbox} open, and its QUIT would delete from the fresh copy; end that session with QUIT (or stop the server), then run "smallpop3 reset" again',

  'help.main': `smallpop3 {version}: a POP3 server for learning (RFC 1939)

Usage:
  smallpop3 [options]        run the server (port 65000, the sample mailbox)
  smallpop3 serve [options]  the same
  smallpop3 reset            restore the sample mailbox to how it was shipped
  smallpop3 exercises        list the exercises
  smallpop3 guide [N]        do exercise N with a coach, step by step
  smallpop3 check N          check exercise N in your recorded sessions
  smallpop3 demo [N]         play exercise N for a class, step by step
  smallpop3 admin COMMAND    watch and manage a running server (--admin-port)
  smallpop3 class ...        accounts and maildrops for a whole class
  smallpop3 help [command]   show this help, or a command's

Options:
  -p, --port N          TCP port to listen on (default 65000; 0 picks a free one)
  -H, --host ADDRESS    address to listen on (default 127.0.0.1, this machine
                        only; 0.0.0.0 or :: to accept a whole lab network)
  -m, --maillist FILE   accounts file: one "user password mailbox" per line
                        (default: ./maillist if there is one, else the sample)
  -t, --timeout SECS    auto-logout after SECS idle seconds (default 600;
                        also 10m)
  -v, --verbose         show the lines of multi-line replies in the log
      --log FORMAT      text (default: explained, coloured on a terminal)
                        or json (one JSON object per line, for tools)
  -q, --quiet           no log: only the banner (for load tests; transcripts
                        are still recorded)
      --show-secrets    show passwords in the log instead of ********
                        (never in transcripts)
      --lang LANG       language of everything shown: {languages} (default:
                        from LC_ALL, LC_MESSAGES or LANG, else en)
      --wire-lang LANG  language of the replies sent to clients (default:
                        as --lang); in a session, LANG switches them
      --transcripts DIR where to record sessions (default: a transcripts
                        folder beside the maildrops)
      --max-connections N
                        connections served at once (default here {connections},
                        from the limit on open files); one more is answered
                        -ERR [SYS/TEMP] and closed
      --tls-port N      also serve POP3S (TLS from the first byte) on port N
                        (0 picks a free one); none by default
      --require-tls     take passwords only over TLS: USER, PASS, APOP and
                        AUTH are refused until STLS (or on the --tls-port)
      --cert FILE       the TLS certificate (PEM), with --key FILE its key,
                        for STLS and --tls-port; without them a self-signed
                        one for localhost is made once and kept in the state
                        folder
      --admin-port N    open the admin port (docs/admin-protocol.md): statistics,
                        sessions, progress, accounts, live settings
      --admin-host ADDRESS
                        address of the admin port (default 127.0.0.1, even when
                        --host opens the POP3 port to the network)
      --admin-secret S  its secret (default: SMALLPOP3_ADMIN_SECRET, else one
                        made at start-up and shown in the banner)
      --web-port N      open the live classroom view in the browser on this
                        port, behind the admin secret (the banner prints its link)
      --web-host ADDRESS
                        address of the classroom view (default 127.0.0.1)
  -h, --help            show this help
  -V, --version         print the version

Then, from another terminal:  telnet localhost 65000
Colour follows the terminal; set NO_COLOR=1 to turn it off.`,
  'help.check': `smallpop3 check EXERCISE: did I really do it?

Reads the recorded sessions (transcripts) and reports, step by step, what is
done and what is missing, with a hint. EXERCISE is a number or a name, as
"smallpop3 exercises" lists them.

Options:
  --user NAME          whose sessions to check (default: the exercise's account)
  --json               print the result as JSON, for tools
  -m, --maillist FILE  the maillist the server was started with (to find its
                       transcripts), as for the server
      --transcripts DIR  read the transcripts from DIR
      --lang LANG      the language of the report and of the exercise:
                       {languages} (sessions recorded in any language count)

Exit status: 0 every goal met, 1 some are not, 2 a usage error.`,
  'help.exercises': `smallpop3 exercises: list the exercises, with their number and title.

Options:
      --lang LANG      the language of the exercises: {languages} (an exercise
                       not translated yet is listed in English, and says so)`,
  'help.reset': `smallpop3 reset: restore the sample mailbox

The sample (user guest, password visitor) is served from a scratch copy in
{dir}, so that deleting mail there never changes smallpop3 itself. "reset"
copies it afresh: every deleted message comes back.`,

  // ── monitoring and administration: the live state, the admin protocol and its client (issue 12) ──
  'ev.disconnect.kicked': 'The administrator disconnected this session (KICK on the admin port), without UPDATE: nothing was deleted.',
  'state.listenerFailed': 'a listener of the server\'s events threw ({reason}); the server and the other listeners go on, and its later failures are only counted',

  'accounts.exists': 'there is already an account "{user}"',
  'accounts.unknown': 'there is no account "{user}"',
  'accounts.badName': '"{user}" cannot be a user name: use up to 64 letters, digits and . _ - + @, starting with a letter, digit or _',
  'accounts.badPassword': 'a password is one word of up to 128 characters: no spaces, tabs or control characters (the maillist separates its fields with spaces)',
  'accounts.badMailbox': '"{mailbox}" cannot be a mailbox path: it must be one word, without spaces',
  'accounts.needMailbox': 'this server was given its accounts without a maillist: name the new account\'s mailbox (ADDUSER user password mailbox)',
  'accounts.noMaillist': 'this server was given its accounts without a maillist, so there is nothing to reload',
  'accounts.last': '"{user}" is the last account, and a maillist needs one: add another first',
  'accounts.changedOnDisk': 'the maillist no longer has a line for "{user}": it was changed by hand since it was read; RELOAD it first',
  'accounts.notMaildir': '{mailbox} is a folder but not a maildir (a maildir holds cur/, new/ and tmp/)',

  'admin.greeting': 'smallpop3 admin port ready; AUTH with the secret, HELP for the commands',
  'admin.greeting.explain': 'The admin port says hello. Nothing but HELP and QUIT works until the secret is given with AUTH (docs/admin-protocol.md §3).',
  'admin.full': 'too many admin connections ({limit} at most); try again in a moment',
  'admin.full.explain': 'The admin port serves a few connections at once; this one was refused and closed.',
  'admin.failed': '{reason}',
  'admin.failed.explain': 'The command could not be done; nothing was changed. The connection stays usable.',
  'admin.auth.ok': 'welcome, administrator',
  'admin.auth.ok.explain': 'The secret was right: the connection is now in the ADMIN state, and every command works.',
  'admin.auth.already': 'this connection has already given the secret',
  'admin.auth.already.explain': 'AUTH is needed once per connection; this one is already in the ADMIN state.',
  'admin.auth.wrong': 'wrong secret',
  'admin.auth.wrong.explain': 'The secret is wrong: the connection stays in AUTHORIZATION. Each wrong secret in a row from the same address is answered more slowly, and logged.',
  'admin.help': 'commands follow',
  'admin.help.explain': 'HELP lists the commands that work in this state, one per line, with their arguments.',
  'admin.help.one': 'how to use {verb} follows',
  'admin.help.one.explain': 'HELP with a command says how it is written, what it does and where docs/admin-protocol.md describes it.',
  'admin.help.unknown': 'there is no command "{verb}"; HELP lists them',
  'admin.help.unknown.explain': 'HELP was asked about a command the admin protocol does not have.',
  'admin.help.AUTH': 'give the secret; every other command needs it',
  'admin.help.HELP': 'list the commands, or say how one is used',
  'admin.help.QUIT': 'close this connection',
  'admin.help.STATS': 'statistics since start-up, and the live settings',
  'admin.help.SESSIONS': 'the open POP3 sessions: user, address, state, idle time, TLS, bytes, last command',
  'admin.help.PROGRESS': 'each student\'s exercises: done, the step they are on, errors in a row (stuck)',
  'admin.help.USERS': 'the accounts (never their passwords)',
  'admin.help.ADDUSER': 'add an account; its maildrop is made if needed',
  'admin.help.DELUSER': 'remove an account (its maildrop stays on disk)',
  'admin.help.PASSWD': 'set an account\'s password',
  'admin.help.RELOAD': 'read the maillist again, after changing it by hand',
  'admin.help.SET': 'change the maximum of connections, or the auto-logout timeout in seconds',
  'admin.help.KICK': 'disconnect a session without UPDATE: nothing is deleted',
  'admin.help.BROADCAST': 'write a message in the server\'s log',
  // how an admin command with arguments is written (HELP, the argument errors, smallpop3 help admin): the verb as it is
  'admin.usage.AUTH': 'AUTH secret',
  'admin.usage.HELP': 'HELP [command]',
  'admin.usage.PROGRESS': 'PROGRESS [user]',
  'admin.usage.ADDUSER': 'ADDUSER user password [mailbox]',
  'admin.usage.DELUSER': 'DELUSER user',
  'admin.usage.PASSWD': 'PASSWD user password',
  'admin.usage.SET': 'SET maxconn|timeout number',
  'admin.usage.KICK': 'KICK session',
  'admin.usage.BROADCAST': 'BROADCAST text',
  'admin.quit': 'bye',
  'admin.quit.explain': 'The admin connection ends; nothing it changed is undone.',
  'admin.stats': 'statistics follow',
  'admin.stats.explain': 'STATS: the server\'s counters since start-up, one "name=value" per line, then the live settings.',
  'admin.sessions': '{count|session|sessions} open',
  'admin.sessions.explain': 'SESSIONS: one line per open POP3 session, as "name=value" pairs; "id" is the number KICK takes.',
  'admin.progress': 'progress of {count|student|students} follows',
  'admin.progress.explain': 'PROGRESS: one line per student, from the recorded sessions as "smallpop3 check" reads them: exercises done, the exercise and step they are on, -ERR replies in a row (stuck=true from 3).',
  'admin.progress.none': 'this server does not record sessions, so there is no progress to show',
  'admin.progress.none.explain': 'PROGRESS reads the transcripts, and this server was started without a transcripts folder.',
  'admin.user.unknown': 'there is no account "{user}"',
  'admin.user.unknown.explain': 'The user named is not in the account registry; USERS lists them.',
  'admin.users': '{count|account|accounts}',
  'admin.users.explain': 'USERS: one line per account, in maillist order: the user, the mailbox and how many sessions are logged in as it now. Passwords are never shown.',
  'admin.adduser.created': 'account {user} added, with a new empty maildrop {mailbox}',
  'admin.adduser.created.explain': 'The account was added to the maillist (written to a temporary file, then renamed over it, so it is never half written) and works for the next login; its maildrop was made.',
  'admin.adduser.ok': 'account {user} added, with the maildrop {mailbox}',
  'admin.adduser.ok.explain': 'The account was added to the maillist (written to a temporary file, then renamed over it) and works for the next login; its maildrop was already there.',
  'admin.deluser.ok': 'account {user} removed; its maildrop stays on disk',
  'admin.deluser.ok.explain': 'The account\'s line left the maillist (written atomically); it can no longer log in. Its mail was not touched.',
  'admin.deluser.open': 'account {user} removed; it is still logged in in session {sessions} (KICK to end it)',
  'admin.deluser.open.explain': 'The account can no longer log in, but a session that logged in before goes on until it ends, or is kicked.',
  'admin.passwd.ok': 'password of {user} changed',
  'admin.passwd.ok.explain': 'The new password is in the maillist (written atomically) and is the one the next login needs; a session already logged in goes on.',
  'admin.reload.ok': 'maillist read again: {accounts|account|accounts}, {added|added|added}, {removed|removed|removed}, {changed|changed|changed}',
  'admin.reload.ok.explain': 'The maillist was read again; new logins see the accounts it holds now. A broken maillist would have been refused, and the accounts kept as they were.',
  'admin.set.unknown': 'there is no setting "{name}"; the settings are {names}',
  'admin.set.unknown.explain': 'SET changes maxconn (connections served at once) or timeout (the auto-logout, in seconds).',
  'admin.set.bad': '{name} needs a whole number from {min} to {max}, not "{value}"',
  'admin.set.bad.explain': 'The value is out of range; the setting was not changed.',
  'admin.set.maxconn': 'maximum connections {before} → {value}',
  'admin.set.maxconn.explain': 'From now on the server serves at most {value|connection|connections} at once; nobody is disconnected, the next ones over the limit are refused.',
  'admin.set.timeout': 'auto-logout timeout {before} → {value} seconds',
  'admin.set.timeout.explain': 'From now on every connection, the open ones too, is logged out after {value|idle second|idle seconds} without a command (RFC 1939 §3).',
  'admin.kick.ok': 'session {id} ({user}) disconnected; nothing was deleted',
  'admin.kick.ok.explain': 'The session was closed without UPDATE: messages it marked with DELE are still there, and its maildrop is unlocked.',
  'admin.kick.none': 'there is no open session {id}; SESSIONS lists them',
  'admin.kick.none.explain': 'KICK takes the "id" of an open session, as SESSIONS shows it.',
  'admin.kick.ending': 'session {id} is already ending',
  'admin.kick.ending.explain': 'The session is closing (or committing its QUIT): it is left to finish.',
  'admin.broadcast': 'message written to the log',
  'admin.broadcast.explain': 'The message is in the server\'s log, for whoever watches it.',
  'admin.empty': 'empty line; HELP lists the commands',
  'admin.empty.explain': 'A line must hold a command.',
  'admin.control': 'the line holds a control character; type the command again',
  'admin.control.explain': 'Commands are printable text; a control character (an arrow key, backspace in some terminals) was sent.',
  'admin.leadingSpace': 'the line starts with a space; start with the command',
  'admin.leadingSpace.explain': 'The command is the first word of the line, with nothing before it.',
  'admin.unknown': 'unknown command "{verb}"; HELP lists the commands',
  'admin.unknown.explain': 'The admin protocol has no such command.',
  'admin.unknownGuess': 'unknown command "{verb}"; did you mean {guess}?',
  'admin.unknownGuess.explain': 'The admin protocol has no such command; it looks like a mistyped {guess}.',
  'admin.needAuth': '{verb} needs the secret first: AUTH secret',
  'admin.needAuth.explain': 'Only HELP and QUIT work before the secret is given with AUTH.',
  'admin.args.missing': 'missing argument: {usage}',
  'admin.args.missing.explain': 'The command needs more arguments.',
  'admin.args.extra': 'too many arguments: {usage}',
  'admin.args.extra.explain': 'The command takes fewer arguments.',
  'admin.tooLong': 'line too long ({octets} octets; at most {limit})',
  'admin.tooLong.explain': 'An admin line is at most {limit} octets; this one was not read.',
  'admin.cmd.section': 'admin protocol {section}',
  'admin.cmd.AUTH': 'Gives the secret, to use the admin commands.',
  'admin.cmd.HELP': 'Asks for the list of commands.',
  'admin.cmd.QUIT': 'Ends the admin connection.',
  'admin.cmd.STATS': 'Asks for the statistics since start-up.',
  'admin.cmd.SESSIONS': 'Asks for the open POP3 sessions.',
  'admin.cmd.PROGRESS': 'Asks how far each student is in the exercises.',
  'admin.cmd.USERS': 'Asks for the accounts.',
  'admin.cmd.ADDUSER': 'Adds an account.',
  'admin.cmd.DELUSER': 'Removes an account.',
  'admin.cmd.PASSWD': 'Sets an account\'s password.',
  'admin.cmd.RELOAD': 'Reads the maillist again.',
  'admin.cmd.SET': 'Changes a live setting.',
  'admin.cmd.KICK': 'Disconnects a session without UPDATE.',
  'admin.cmd.BROADCAST': 'Writes a message in this log.',
  'admin.cmd.masked': 'The secret or password on this line is masked in the log.',
  'admin.cmd.hidden': 'A line that is no command, before the secret was given: masked whole, since it may be the secret typed on its own.',
  'admin.cmd.unreadable': 'The server could not read this line as a command.',
  'admin.cmd.unknown': 'Not a command of the admin protocol.',
  'ev.admin.connect': 'An admin connection from {remote} (the admin protocol, docs/admin-protocol.md). It must give the secret with AUTH first.',
  'ev.admin.auth.ok': 'The admin connection from {remote} gave the right secret.',
  'ev.admin.auth.wrong': 'A wrong admin secret from {remote}.',
  'ev.admin.auth.slowed': 'Wrong admin secret number {failures} in a row from {remote}: the answer waited {ms} ms, so that guessing it is slow.',
  'ev.admin.disconnect.quit': 'The admin connection ended with QUIT.',
  'ev.admin.disconnect.client': 'The admin client closed its connection.',
  'ev.admin.disconnect.timeout': 'The admin connection was idle too long and was closed.',
  'ev.admin.disconnect.shutdown': 'The server is stopping: the admin connection was closed.',
  'ev.admin.disconnect.error': 'The admin connection failed.',
  'ev.admin.disconnect.full': 'Too many admin connections: this one was refused.',
  'ev.admin.disconnect.endless': 'The admin connection sent a line without end and was closed.',
  'ev.admin.disconnect.kicked': 'The admin connection was closed.',
  'ev.broadcast': '📢 {text}',
  'log.adminMulti': 'multi-line: {lines|line|lines}, then a line holding only "."',

  'banner.admin': 'Admin port {where}, behind the secret from --admin-secret or SMALLPOP3_ADMIN_SECRET:\n    {client}',
  'banner.adminGenerated': 'Admin port {where}, secret {secret} (made now; choose your own with --admin-secret or SMALLPOP3_ADMIN_SECRET):\n    SMALLPOP3_ADMIN_SECRET={secret} {client}',
  'banner.adminClient': 'smallpop3 admin stats --port {port}{host}',
  'cli.adminNeedsPort': '--admin-host and --admin-secret go with --admin-port N, which opens the admin port',
  'cli.adminSecret': 'the admin secret must be 8 to 200 characters, without control characters',
  'admin.client.needCommand': 'say which admin command to send, for example: smallpop3 admin stats (the commands: {commands})',
  'admin.client.unknown': 'there is no admin command "{verb}"; the commands are: {commands}',
  'admin.client.needPort': 'say where the admin port is: --port N, or SMALLPOP3_ADMIN_PORT (the server\'s banner shows it)',
  'admin.client.needSecret': 'give the admin secret: SMALLPOP3_ADMIN_SECRET=... (or --secret, which others on this machine can see in the process list)',
  'admin.client.refused': 'nothing is listening on {host} port {port}: is the server running with --admin-port {port}?',
  'admin.client.timeout': 'no connection to {host} port {port} within {seconds} seconds',
  'admin.client.failed': 'cannot connect to {host} port {port} ({reason})',
  'admin.client.closed': 'the server at {host} port {port} closed the connection before answering',
  'admin.client.noReply': 'no answer from {host} port {port} within {seconds} seconds',
  'admin.client.notAdmin': '{host} port {port} does not speak the admin protocol (is it the POP3 port?)',
  'admin.client.refusedBy': 'the server refused: {text}',
  // the header of each column of a table that smallpop3 admin prints, by the field's name on the wire (docs/admin-protocol.md)
  'admin.column.id': 'ID',
  'admin.column.user': 'USER',
  'admin.column.remote': 'REMOTE',
  'admin.column.state': 'STATE',
  'admin.column.idle': 'IDLE',
  'admin.column.tls': 'TLS',
  'admin.column.in': 'IN',
  'admin.column.out': 'OUT',
  'admin.column.commands': 'COMMANDS',
  'admin.column.last': 'LAST',
  'admin.column.done': 'DONE',
  'admin.column.exercise': 'EXERCISE',
  'admin.column.step': 'STEP',
  'admin.column.errors': 'ERRORS',
  'admin.column.stuck': 'STUCK',
  'admin.column.sessions': 'SESSIONS',
  'admin.column.mailbox': 'MAILBOX',
  'admin.value.true': 'yes',
  'admin.value.false': 'no',
  'help.admin': `smallpop3 admin COMMAND [ARGUMENTS]: watch and manage a running server

Sends one command of the admin protocol (docs/admin-protocol.md) to a server
started with --admin-port N, and shows the answer: tables for a person, or
JSON with --json.

Commands:
  {commands}

Options:
  -p, --port N         the admin port (default: SMALLPOP3_ADMIN_PORT)
  -H, --host ADDRESS   the server's address (default 127.0.0.1)
      --secret SECRET  the admin secret (default: SMALLPOP3_ADMIN_SECRET,
                       which is safer: others can see a command line)
      --json           print the answer as JSON, for scripts

Examples:
  SMALLPOP3_ADMIN_SECRET=... smallpop3 admin sessions --port 65100
  smallpop3 admin adduser s31 tulip-42 --port 65100
  smallpop3 admin kick 7 --port 65100

Exit status: 0 done, 1 the server refused (-ERR, or a wrong secret),
2 a usage error, 3 the server could not be reached or did not answer.`,
  // ── the classroom: smallpop3 class (lib/classroom.ts) ────────────────────
  'class.needStudents': 'say how many students with --students N (1 to {max}), or name them with --roster FILE; one of the two',
  'class.needOut': 'say which folder to write the class into with --out DIR, for example: smallpop3 class --students 30 --out lab',
  'class.badPrefix': 'option --prefix must start with a lowercase letter and hold only a-z, 0-9, ".", "-" and "_" (at most 16), not "{value}"',
  'class.exists': '{dir} already holds a class ({what} is there): writing again would overwrite the students\' mail and passwords; choose another --out folder, or add --force to replace it',
  'class.inUse': 'cannot replace the class in {dir} now: a session of "{user}" has its maildrop open; end it with QUIT (or stop the server), then run again',
  'class.badFrom': 'cannot use {path} as the sample maildrop (--from): {reason}',
  'class.sampleTooBig': 'the sample maildrop {path} holds {octets|octet|octets}; a class copies it for every student, so it may hold at most {cap|octet|octets}',
  'class.fewMessages': 'the sample maildrop {path} holds {count|message|messages}; the exercises need at least {min}',
  'class.roster.unreadable': 'cannot read the roster {path} ({reason}); check the file given to --roster',
  'class.roster.empty': 'the roster {path} holds no names: write one name a line (or a CSV whose first column, or "name" column, is the name)',
  'class.roster.emptyName': '{path}:{line}: the name is empty; write it, or remove the line',
  'class.roster.duplicate': '{path}:{line}: "{name}" is already on line {first}; two students need two different names (add an initial)',
  'class.roster.tooMany': 'the roster {path} holds {count} names; a class has at most {max}',
  'class.notAClass': '{dir} holds no class made by "smallpop3 class" (no readable class.json): --restore makes a maildrop again only there',
  'class.noStudent': 'there is no student "{user}" in {dir}/maillist',
  'class.restored': '{user}: the maildrop is back as it was made, {count|message|messages} (the password is unchanged)',
  'class.note.subject': 'Only in your maildrop: {words}',
  'class.note.body': `This message is in your maildrop only. Your neighbour's maildrop holds
other messages, in another order and of other sizes, so your numbers are
your own: compare how POP3 works, not the numbers.

A few words to give this message a size of its own:`,
  'class.maillistHeader': `smallpop3 class of {count|student|students}, maildrops varied with seed {seed} from {from}
user password mailbox (the passwords are in clear: keep this file private)`,
  'class.handout.intro': `# POP3 lab: your account

Every account below has a maildrop of its own on the lab's POP3 server.
Its messages differ from everyone else's (other subjects, sizes and order, one
more or one less), so your numbers in STAT, LIST and UIDL are yours alone.
Exercises 4, 5 and 11 delete messages for good, and the others read messages
by their number: do 4, 5 and 11 last, in that order. If you deleted mail too
early, your instructor can give you your maildrop back as it was.`,
  'class.handout.student': `## {heading}

| | |
| --- | --- |
| user | \`{user}\` |
| password | \`{password}\` |
| connect | \`{telnet}\` (or \`{nc}\`) |

The exercises log in as guest (or sam, busy, maria) with that account's
password: type \`USER {user}\` and \`PASS {password}\` instead. Keep your
password to yourself.`,
  'class.csvHeader': 'user,name,password,host,port,connect',
  'class.done': `Wrote a class of {count|student|students} into {dir}:
  maillist      the accounts (passwords in clear: only you may read it)
  mail/         a maildrop each ({kind}), varied from {from} with seed {seed}
  handout.md    one account a section, to print and cut
  handout.csv   the same for a spreadsheet
Serve it to the lab with:  smallpop3 --maillist {maillist} --host 0.0.0.0
A student's maildrop back as it was made:  smallpop3 class --out {dir} --restore USER`,
  'class.hostGiven': 'The handout says to connect to {host} port {port}.',
  'class.hostNetwork': 'The handout says to connect to {host} port {port}, this machine\'s address on the network; if students reach it by another, run again with --host ADDRESS --force (new passwords) or edit the handout.',
  'class.hostPlaceholder': 'This machine has no network address, so the handout says {host} where the server\'s address goes: replace it in handout.md and handout.csv, or run again with --host ADDRESS --force.',
  'class.seedChosen': 'The seed was chosen at random: give --seed {seed} to make the same maildrops again.',
  'help.class': `smallpop3 class: accounts and maildrops for a whole class

Usage:
  smallpop3 class --students N --out DIR [options]
  smallpop3 class --roster FILE --out DIR [options]

Writes into DIR a maillist with an account per student (s01, s02, ... or a
name from the roster), each with a random password and a maildrop of its own,
and a handout (handout.md, handout.csv) listing user, password and how to
connect. Each maildrop is the sample's, varied from the seed: other subjects
and sizes, another order, a message more or less, so that students cannot
copy each other's numbers; every exercise still works, and "smallpop3 check N
--user s01 --maillist DIR/maillist" judges a student's numbers as their own.

Options:
  --students N        how many students (1 to 1000): users s01, s02, ...
  --roster FILE       a CSV of names instead, one student a line (the first
                      column, or the one headed "name"); user names are made
                      from the names (ASCII, lowercase, unique)
  --prefix TEXT       the start of numbered user names (default s)
  --from MAILDROP     the sample maildrop: an mbox file or a maildir folder
                      (default: the bundled sample's, user guest); each
                      student gets the same kind
  --seed TEXT         what the maildrops are varied from: the same seed makes
                      the same maildrops (default: a random one, printed);
                      passwords are always random
  -H, --host ADDRESS  the address the handout tells students to connect to
                      (default: this machine's on the network)
  -p, --port N        the port the handout names (default 65000)
  --out DIR           the folder to write (made if need be)
  --force             replace a class already in DIR (refused while a
                      student has a session open)
  --restore USER,...  make these students' maildrops again as they were
                      made (the class in --out DIR; passwords unchanged):
                      exercises 4, 5 and 11 delete mail for good

Then serve it:  smallpop3 --maillist DIR/maillist --host 0.0.0.0`,

  // ── web view: the live classroom view in the browser (issue 13) ──────────
  'banner.web': 'Classroom view: {url}\n    (in a browser; log in with the admin secret)',
  'banner.webGenerated': 'Classroom view: {url}\n    (the link carries the secret: open it in a browser on this machine)',
  'cli.webNeedsPort': '--web-host needs --web-port: the classroom view opens only when asked for',
  'web.language': 'English',
  'web.title': 'smallpop3: the class, live',
  'web.login.title': 'Classroom view',
  'web.login.prompt': 'Type the admin secret (the banner of "smallpop3" shows it, or it is the --admin-secret you chose):',
  'web.login.button': 'Open',
  'web.login.wrong': 'That is not the secret. Try again.',
  'web.login.failed': 'The server could not be reached: {reason}',
  'web.header.connected': '{connected} of {students|student|students} connected',
  'web.header.connections': '{count|connection|connections} open',
  'web.header.average': 'Average progress {percent} %',
  'web.header.exercise': '{started} started, {finished} done',
  'web.header.notRecorded': 'Sessions are not recorded (no transcripts folder): exercise progress is unknown.',
  'web.live.lost': 'Connection to the server lost; trying again…',
  'web.col.student': 'Student',
  'web.col.connected': 'Connected',
  'web.col.exercise': 'On',
  'web.col.done': 'Done',
  'web.col.last': 'Last command and reply',
  'web.col.idle': 'Idle',
  'web.col.errors': 'Errors in a row',
  'web.connected.yes': 'yes',
  'web.connected.no': 'no',
  'web.on': 'exercise {exercise}, step {step}',
  'web.on.exercise': 'exercise {exercise}',
  'web.on.allDone': 'all done',
  'web.on.unknown': '—',
  'web.stuck': 'stuck',
  'web.seat': 'Seat {seat}',
  'web.idle.never': '—',
  'web.idle.seconds': '{seconds} s',
  'web.idle.minutes': '{minutes} min {seconds} s',
  'web.idle.hours': '{hours} h {minutes} min',
  'web.projector': 'Projector mode',
  'web.projector.off': 'Leave projector mode',
  'web.csv': 'Export CSV',
  'web.choose': 'Language',
  'web.log.title': 'Session log of {user}',
  'web.log.hint': 'Click a student to see their session, live.',
  'web.log.empty': 'Nothing yet since the server started.',
  'web.log.close': 'Close',
  'web.csv.user': 'user',
  'web.csv.done': 'exercises done',
  'web.csv.exercise': 'exercise {number}: {title}',
  'web.csv.finished': 'done',
  'web.csv.step': 'step {step}',

  // ── demo, player and step checker ────────────────────────────────────────
  'check.skipped': 'not done, though step {later} after it is; to do it, type: {lines}',
  'check.skippedTls': 'not done, though step {later} after it is; to do it, connect with openssl as the exercise shows (telnet cannot speak TLS) and type: {lines}',
  'check.try.line': 'this step wants: {line}',
  'check.try.typo': '"{verb}" is not a POP3 command; this step wants: {line}',
  'check.try.args': 'the right command, but with other words after it; this step wants: {line}',
  'check.try.login': 'this is done once logged in: log in with USER and PASS first, then type: {line}',
  'check.try.beforeLogin': 'this is done before logging in: connect again (a new connection starts in the AUTHORIZATION state) and type: {line}',
  'check.try.newConnection': 'this is done in a connection of its own: open another telnet (or nc) to the server and type there: {line}',
  'check.try.sameConnection': 'this is done in the same connection as the steps before it; type there: {line}',
  'cli.unknownOptionOf': 'unknown option {option} for "smallpop3 {command}"; "smallpop3 help {command}" lists its options',

  'demo.needTerminal': 'the demo is paced from the keyboard, so it needs a terminal; run it in one, or add --auto to let it play by itself (--delay SECONDS sets the pace)',
  'demo.badDelay': 'option --delay needs a number of seconds from 0 to 60 (like 2 or 0.5), not "{value}"',
  'demo.title': 'Demo of exercise {number}: {title}',
  'demo.learn': '**What it teaches:** {learn}',
  'demo.server': 'Its own server on {where}, serving a copy of {source} made for this demo and deleted at its end: what it deletes is never lost.',
  'demo.sourceSample': 'the bundled sample',
  'demo.sourceMaillist': 'the maildrops of {file}',
  'demo.keys': 'Enter or space: next    b: back one step    p: type a line    q: quit',
  'demo.keysEnd': 'End of the exercise.    b: back one step    p: type a line    q or Enter: quit',
  'demo.step': 'Step {number} of {total}: {title}',
  'demo.connection': 'connection {label}',
  'demo.connected': 'a new connection: telnet {host} {port}',
  'demo.closed': 'the server closed the connection',
  'demo.expected': 'the exercise shows: {expected}',
  'demo.bodyDiffers': 'the lines of this reply differ from the ones the exercise shows',
  'demo.moreLines': '… {count|more line|more lines}',
  'demo.ownLine': 'A line of your own, in connection {label} (Enter sends it; an empty line sends nothing): ',
  'demo.back': 'Back to step {number}: the exercise is played again from a fresh copy of the maildrops …',
  'demo.allMatched': 'Every reply matched exercise {number} ({count|reply|replies}).',
  'demo.mismatched': '{count|reply|replies} of {total} did not match exercise {number}; the first: step {step}, {line}: {problem}',
  'demo.mismatchStatus': 'the server answered "{answered}", the exercise shows "{expected}"',
  'demo.mismatchBody': 'the lines of the reply differ from the ones the exercise shows',
  'demo.failed': 'the demo stopped at step {step}: {reason}',
  // the exercise player's failures, which stop a demo (demo.failed's reason)
  'player.refused': 'nothing is listening on {host} port {port}: is the server running?',
  'player.connectFailed': 'cannot connect to {host} port {port} ({reason})',
  'player.noConnection': 'no connection to {host} port {port} within {ms} ms',
  'player.noTlsPort': 'connection {label} of the exercise is to the TLS port (POP3S), and the server has none',
  'player.noReply': 'no reply from the server within {ms} ms',
  'player.noBodyEnd': 'the multi-line reply did not end (with a line holding only ".") within {ms} ms',
  'player.noClose': 'the server did not close the connection within {ms} ms of QUIT',
  'player.noEvent': 'the server reported no {event} event within {ms} ms',
  'player.closed.reply': 'the server closed the connection before replying',
  'player.closed.body': 'the server closed the connection before the end of the multi-line reply',
  'player.afterStls': 'the server sent {octets|octet|octets} after STLS\'s +OK, before TLS began',
  'player.noHandshake': 'no TLS handshake within {ms} ms',
  'player.tlsFailed': 'the TLS handshake failed ({reason})',
  'player.fingerprint': 'the server\'s certificate has the fingerprint {seen}, not {expected}',
  'demo.bytes.sent': 'sent: {octets|octet|octets}',
  'demo.bytes.status': 'status line: {octets|octet|octets} with its CRLF',
  'demo.bytes.body': 'body: {lines|line|lines}, {wire|octet|octets} on the wire: {octets|octet|octets} of text, {stuffed|dot|dots} added by dot-stuffing, and the 3 octets of the last line ".␍␊"',
  'demo.bytes.stuffed': '← a "." added: the line starts with "."',
  'demo.bytes.end': '← the end of the reply',
  'help.demo': `smallpop3 demo [EXERCISE]: play an exercise for a class, step by step

Starts a server of its own and plays the exercise (by default exercise 1) as
a scripted client, one exchange at a time: the line typed, the server's
reply, what both mean and the state before and after, with the exercise's
own text between the steps. It plays on a scratch copy of the maildrops and
restores it at the end, so a demo that deletes mail can be shown again.

Keys:
  Enter or space   the next exchange
  b                back one step (the exercise played again from a fresh copy)
  p                pause and type a line of your own into the same session
  q or Ctrl-C      end

Options:
  -p, --port N          TCP port of the demo's server (default 65000; 0 picks
                        a free one)
  -H, --host ADDRESS    address to listen on (default 127.0.0.1)
  -m, --maillist FILE   play on a copy of these accounts' maildrops (default:
                        the bundled sample)
      --auto            play by itself, without keys (also with no terminal)
      --delay SECONDS   with --auto, the pause before each exchange (default
                        2; 0 for none)
      --bytes           show the raw bytes: CRLF as ␍␊, the octets of each
                        reply, the dot-stuffed lines
      --lang LANG       language of the exercise, the server's replies and
                        the explanations: {languages}

Exit status: 0 at the end (with --auto, only when every reply matched the
exercise), 1 when a reply did not match (--auto) or the demo failed, 2 a
usage error, 130 after Ctrl-C.`,

  // ── the guide ────────────────────────────────────────────────────────────
  'exercise.badAccept': 'step {step}: **Accept:** names "{accept}", which is not one of the **Choices:**',
  'guide.needTerminal': 'the guide is interactive, so it needs a terminal: run it in one; or do the exercise in telnet with "smallpop3" running and check your work with: smallpop3 check {number}',
  'guide.menu': 'Which exercise? (✔ done in your recorded sessions)',
  'guide.menuDone': '✔ {number}. {title}',
  'guide.menuTodo': '  {number}. {title}',
  'guide.server': 'Your server is listening on port {port}, serving {source}; every session is recorded, so "smallpop3 check" sees your work.',
  'guide.sourceSample': 'a scratch copy of the sample mailboxes ("smallpop3 reset" restores it)',
  'guide.sourceMaillist': 'the accounts in {file}',
  'guide.connect': 'In a second terminal, type:  {telnet}',
  'guide.connectTls': 'Over TLS (the POP3S port):  {command}',
  'guide.connectAlt': '(no telnet? {nc} does the same)',
  'guide.title': 'Exercise {number}: {title}',
  'guide.learn': '**What you will learn:** {learn}',
  'guide.step': 'Step {number} of {total}: {title}',
  'guide.type': 'Type in your telnet:',
  'guide.typeNew': 'Type in a new telnet connection (keep the other one open):',
  'guide.typeConnect': 'Connect from a second terminal:',
  'guide.typeStls': 'telnet cannot speak TLS: connect with openssl s_client -starttls pop3, as the exercise shows above (openssl sends STLS for you), then type:',
  'guide.typeTls': 'With TLS from the first byte, which telnet cannot do: connect to the TLS port with openssl s_client -connect, as the exercise shows above (or with the client it names), then type:',
  'guide.keys': 'Waiting for you in telnet …    h: hint    q: quit',
  'guide.keysTls': 'Waiting for you in openssl …    h: hint    q: quit',
  // the keys line under a choice (inquirer's own words in English): the arrows move, Enter picks
  'guide.choice.navigate': 'navigate',
  'guide.choice.select': 'select',
  'guide.connected': 'a new connection (session {session})',
  'guide.disconnected': 'session {session} closed',
  'guide.restarted': 'The connection closed before step {step} was done: it starts over, in a new connection.',
  'guide.miss': 'Not this step yet: {advice}',
  'guide.done': '✔ Step {number} done.',
  'guide.hint.connect': 'Hint: the step starts with a new connection to the server, from a terminal of its own.',
  'guide.hint.verb': 'Hint: the next line starts with a command of {length} letters beginning with "{initial}"{args}.',
  'guide.hint.args': ', followed by {count|argument|arguments}',
  'guide.hint.exact': 'Type exactly: {line}',
  'guide.hint.exactNew': 'Type exactly, in a new connection (telnet or nc, keep the other one open): {line}',
  'guide.hint.none': 'That was all the help there is: the line above is the one to type.',
  'guide.question': 'Question: {question}',
  'guide.typeAnswer': 'Your answer:',
  'guide.right': '✔ Right.',
  'guide.wrong': '✘ Not quite.',
  'guide.ungraded': 'Think about it, then read the answer:',
  'guide.answer': '**Answer:** {answer}',
  'guide.noExchange': 'Nothing to type in this step: read it, and go on.',
  'guide.summary': 'Exercise {number} is done: {done} of {total} steps, {right} of {asked} questions right.',
  'guide.summaryNoQuestions': 'Exercise {number} is done: {done} of {total} steps.',
  'guide.taught': '**What it taught:** {learn}',
  'guide.nextIs': 'Next: exercise {number}, {title}.',
  'guide.last': 'That was the last exercise.',
  'guide.goOn': 'Go on to exercise {number}: {title}',
  'guide.leave': 'Leave the guide',
  'guide.whatNow': 'What now? (your server keeps running until you leave)',
  'guide.bye': 'The guide has stopped its server: open sessions were closed without UPDATE.',
  'help.guide': `smallpop3 guide [EXERCISE]: do an exercise with a coach

Starts a server of its own and coaches you through an exercise, one step at
a time: what to do and why, the lines to type in telnet. It watches the
server, so it moves on by itself when you have done the step from your own
telnet, shows the server's reply explained, and says what went wrong and what
to try when you typed something else. Then it asks the exercise's questions.
Without EXERCISE, a menu of the exercises, the ones done marked ✔.

Sessions are recorded as "smallpop3" records them, so "smallpop3 check N"
sees your work.

Keys while it waits for you:
  h             a hint; again: the exact line to type
  q             leave (Ctrl-C too)

Options:
  -p, --port N          TCP port of its server (default 65000; 0 picks a
                        free one)
  -H, --host ADDRESS    address to listen on (default 127.0.0.1)
  -m, --maillist FILE   accounts file, as for the server (default: ./maillist
                        if there is one, else the sample's scratch copy)
      --transcripts DIR where to record sessions (default as for the server)
      --lang LANG       language of the exercise, the server's replies and
                        the explanations: {languages}

It needs a terminal; with none, do the exercise in telnet against
"smallpop3" and run "smallpop3 check N".

Exit status: 0 when you leave, 1 a failure (a busy port), 2 a usage error or
no terminal, 130 after Ctrl-C.`,
} as const
