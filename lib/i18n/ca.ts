/**
 * Català: cada paraula que smallpop3 mostra a una persona. Les claus acabades
 * en ".explain" són l'explicació del registre per a la resposta o
 * l'esdeveniment amb la mateixa clau; "cmd.*" expliquen què demana una ordre;
 * "cli.*" i "banner.*" són de la línia d'ordres. Els valors van entre cometes
 * dobles perquè el català porta molts apòstrofs; les cites, entre «».
 */
import type { Catalogue } from './index.js'

const ca: Catalogue = {
  // ── salutació i respostes: el text que va després de +OK / -ERR ─────────
  'greeting': "servidor POP3 smallpop3 a punt {stamp}",
  'greeting.explain': "El servidor saluda amb +OK: la sessió comença en l'estat AUTHORIZATION. La part <...> és una marca de temps que serveix per iniciar la sessió amb APOP (RFC 1939 §4, §7).",

  'user.ok': "hola, {user}; ara envia la contrasenya amb PASS",
  'user.ok.explain': "La bústia «{user}» existeix. El servidor espera PASS amb la contrasenya.",
  'user.unknown': "aquí no hi ha cap bústia «{user}»; revisa el nom (les majúscules i minúscules compten)",
  'user.unknown.explain': "No hi ha cap compte «{user}» al fitxer de comptes (maillist). [AUTH] indica un problema amb el nom o la contrasenya (RFC 3206).",

  'pass.noUser': "primer envia USER amb el teu nom, i després PASS",
  'pass.noUser.explain': "PASS ha d'anar just després d'un USER que el servidor hagi acceptat (RFC 1939 §7).",
  'pass.wrong': "contrasenya incorrecta per a «{user}»; torna a començar amb USER i després PASS",
  'pass.wrong.explain': "La contrasenya no coincideix. La sessió continua en l'estat AUTHORIZATION i el client ha de tornar a enviar USER. [AUTH] indica un problema amb les credencials (RFC 3206).",

  'apop.wrong': "nom o resum incorrectes per a «{user}»",
  'apop.wrong.explain': "APOP ha fallat: el resum ha de ser l'MD5 de la marca de temps <...> de la salutació seguida de la contrasenya, en hexadecimal i en minúscules (RFC 1939 §7).",

  'auth.list': "a continuació, els mecanismes SASL: {list}",
  'auth.list.explain': "AUTH sense res més llista les maneres d'iniciar la sessió amb AUTH (els mecanismes SASL), una per línia. CAPA també les llista, a la línia SASL (RFC 5034).",
  'auth.unknown': "aquest servidor no ofereix el mecanisme SASL «{mechanism}»; ofereix {list}",
  'auth.unknown.explain': "AUTH indica un mecanisme SASL; aquest servidor només coneix {list}. Envia AUTH sense res més, o CAPA, per veure'n la llista (RFC 5034 §4).",
  'auth.noMechanism': "AUTH porta primer el mecanisme i després les credencials: AUTH PLAIN i el base64",
  'auth.noMechanism.explain': "La paraula que ve després d'AUTH és el nom d'un mecanisme SASL (aquí, {list}), i les credencials en base64 van al darrere: AUTH PLAIN AGd1ZXN0AHZpc2l0b3I=. El registre mostra emmascarat el que s'ha escrit, perquè unes credencials en base64 revelen la contrasenya (RFC 5034 §4).",
  'auth.continue': "continua: envia les credencials en base64, o * per cancel·lar",
  'auth.continue.explain': "«+ » demana al client que continuï: el servidor espera la línia següent, que no és una ordre sinó les credencials en base64 (per a PLAIN: res, un byte NUL, l'usuari, un byte NUL i la contrasenya). Una línia amb només * cancel·la (RFC 5034 §4).",
  'auth.cancelled': "s'ha cancel·lat AUTH; torna a iniciar la sessió quan estiguis a punt",
  'auth.cancelled.explain': "El client ha enviat * en lloc de les credencials, i això cancel·la AUTH (RFC 5034 §4). La sessió continua en l'estat AUTHORIZATION: es pot tornar a provar qualsevol manera d'iniciar la sessió.",
  'auth.notBase64': "les credencials no estan ben codificades en base64; no s'ha comprovat res",
  'auth.notBase64.explain': "AUTH PLAIN vol les credencials en base64 (lletres, xifres, + i /, completades amb = fins a un múltiple de 4 caràcters). Genera-les amb: printf '\\0guest\\0visitor' | base64. La sessió continua en l'estat AUTHORIZATION (RFC 5034 §4).",
  'auth.notPlain': "les credencials es descodifiquen, però no donen nom, NUL, usuari, NUL, contrasenya",
  'auth.notPlain.explain': "Les credencials PLAIN són tres parts separades per bytes NUL: la identitat en nom de la qual es vol actuar (normalment buida), l'usuari i la contrasenya (RFC 4616 §2). Genera-les amb: printf '\\0guest\\0visitor' | base64. La sessió continua en l'estat AUTHORIZATION.",
  'auth.authzid': "«{user}» no pot entrar com a «{authzid}»: deixa buida la primera part",
  'auth.authzid.explain': "La primera part de les credencials PLAIN indica en nom de qui es vol actuar. Aquest servidor només deixa que cada usuari actuï en nom propi, així que ha de ser buida o el nom del mateix usuari (RFC 4616 §2). No s'ha comprovat la contrasenya; la sessió continua en l'estat AUTHORIZATION.",
  'auth.wrong': "nom o contrasenya incorrectes per a «{user}»",
  'auth.wrong.explain': "L'usuari o la contrasenya de les credencials PLAIN no són correctes. La sessió continua en l'estat AUTHORIZATION. [AUTH] indica un problema amb les credencials (RFC 3206).",

  'stls.ok': "comença la negociació TLS",
  'stls.ok.explain': "El servidor hi està d'acord: ara el client comença la negociació TLS (handshake), i tot el que vingui després anirà xifrat. El que el client hagi enviat després de STLS i abans de la negociació es descarta (RFC 2595 §4). Quan el TLS estigui en marxa, torna a enviar CAPA: el que ofereix el servidor canvia (STLS ja no hi surt).",
  'stls.already': "aquesta connexió ja està xifrada (TLS)",
  'stls.already.explain': "STLS converteix una connexió en clar en una connexió TLS; aquesta ja està xifrada, així que no cal fer res (RFC 2595 §4).",
  'stls.unavailable': "aquest servidor no té certificat, així que no pot iniciar TLS",
  'stls.unavailable.explain': "El TLS necessita un certificat, i aquest servidor s'ha engegat sense cap. L'ordre smallpop3 sempre en té un (el seu, o el de --cert i --key); un programa que engegui el servidor pel seu compte n'hi ha de donar un.",
  'stls.loggedIn': "STLS va abans d'iniciar la sessió: la contrasenya ja s'ha enviat",
  'stls.loggedIn.explain': "El TLS s'inicia abans d'enviar USER, PASS o AUTH, perquè la contrasenya no viatgi mai en clar (RFC 2595 §4). Fes QUIT, torna't a connectar i envia STLS primer de tot.",
  'tls.required': "aquí {verb} necessita una connexió xifrada: primer envia STLS, o connecta't al port TLS",
  'tls.required.explain': "Aquest servidor només accepta contrasenyes per TLS (--require-tls), perquè ningú a la xarxa no les pugui llegir. Envia STLS per xifrar aquesta connexió i després inicia la sessió; o connecta't al port POP3S amb openssl s_client.",

  'login.ok': "{user} té {count|missatge|missatges} ({octets|octet|octets})",
  'login.ok.explain': "Sessió iniciada. Ara la bústia queda bloquejada per a aquesta sessió i l'estat és TRANSACTION: {count|missatge|missatges}, {octets|octet|octets} en total.",
  'login.inUse': "la bústia de «{user}» ja està oberta en una altra sessió; tanca aquella sessió amb QUIT i torna-ho a provar",
  'login.inUse.explain': "Una bústia només la pot obrir una sessió alhora: el servidor la bloqueja quan l'usuari inicia la sessió (RFC 1939 §4). [IN-USE] diu al client que la contrasenya era correcta, però que una altra sessió té el bloqueig (RFC 2449 §8.1.2).",
  'login.failed': "no es pot obrir la bústia de «{user}»: {reason}",
  'login.failed.explain': "La contrasenya era correcta, però no s'ha pogut llegir la bústia. [SYS/PERM] indica un problema del costat del servidor que n'ha d'arreglar l'administrador; [SYS/TEMP], un problema que pot desaparèixer si el client ho torna a provar més tard (RFC 3206).",

  'quit.auth': "adeu",
  'quit.auth.explain': "La sessió acaba des de l'estat AUTHORIZATION: no s'ha canviat res (RFC 1939 §6).",
  'quit.update': "adeu",
  'quit.update.explain': "La sessió entra a l'estat UPDATE.",
  'quit.done': "adeu (esborrats: {deleted}; en queden: {left})",
  'quit.done.explain': "QUIT a l'estat TRANSACTION porta a l'estat UPDATE: el servidor ha eliminat {deleted|missatge marcat|missatges marcats} amb DELE i n'ha conservat {left}. Després es tanca la connexió (RFC 1939 §6).",
  'quit.none': "adeu: no s'ha esborrat res ({left|missatge|missatges} a la bústia)",
  'quit.none.explain': "QUIT a l'estat TRANSACTION porta a l'estat UPDATE, però no hi havia cap missatge marcat amb DELE, així que la bústia no canvia. Després es tanca la connexió (RFC 1939 §6).",
  'quit.failed': "no s'ha pogut actualitzar la bústia ({reason}); no s'ha esborrat res",
  'quit.failed.explain': "L'actualització (UPDATE) ha fallat, així que la bústia ha quedat exactament com estava: no s'ha eliminat cap missatge (RFC 1939 §6).",
  'quit.unfinished': "l'actualització s'ha aturat a mitges ({reason}); el proper inici de sessió l'acabarà",
  'quit.unfinished.explain': "Alguns dels missatges marcats amb DELE ja s'han eliminat i d'altres encara no. Abans de començar, el servidor ha anotat tot el que havia de fer, així que el proper inici de sessió (o la propera vegada que s'engegui el servidor) acabarà la feina (RFC 1939 §6).",

  'stat.ok': "{count} {octets}",
  'stat.ok.explain': "{count|missatge|missatges}, {octets|octet|octets} en total. Els missatges marcats amb DELE no es compten (RFC 1939 §5).",

  'list.all': "{count|missatge|missatges} ({octets|octet|octets})",
  'list.all.explain': "Una línia per missatge: el número i la mida en octets; els missatges esborrats no hi surten. La llista acaba amb una línia que només conté «.» (RFC 1939 §5).",
  'list.one': "{n} {size}",
  'list.one.explain': "El missatge {n} fa {size|octet|octets} (RFC 1939 §5).",

  'retr.ok': "{size} octets",
  'retr.ok.explain': "Aquí ve el missatge {n}: les capçaleres, una línia en blanc i el cos. Fa {size|octet|octets}, comptats amb finals de línia CRLF i abans de doblar els punts inicials (dot-stuffing) (RFC 1939 §5, §11).",

  'dele.ok': "missatge {n} esborrat",
  'dele.ok.explain': "El missatge {n} només queda marcat per esborrar: des d'ara ja no surt a LIST ni a RETR, i s'elimina de debò després de QUIT. RSET el recuperaria (RFC 1939 §5).",
  'dele.already': "el missatge {n} ja està esborrat",
  'dele.already.explain': "El missatge {n} ja s'havia marcat amb DELE en aquesta sessió; marcar-lo un altre cop no canvia res. S'elimina després de QUIT, tret que abans RSET el desmarqui.",

  'noop.ok': "",
  'noop.ok.explain': "NOOP no fa res; el servidor només respon +OK (RFC 1939 §5).",

  'rset.ok': "la bústia té {count|missatge|missatges} ({octets|octet|octets})",
  'rset.ok.explain': "RSET ha desmarcat {restored|missatge|missatges}: tots els missatges tornen a ser-hi (RFC 1939 §5).",

  'top.ok': "a continuació, les capçaleres i fins a {lines|línia|línies} del cos del missatge {n}",
  'top.ok.explain': "TOP envia les capçaleres del missatge {n}, la línia en blanc i després, com a màxim, {lines|línia|línies} del cos; si el cos és més curt, l'envia sencer (RFC 1939 §7).",
  'top.headers': "a continuació, només les capçaleres del missatge {n}",
  'top.headers.explain': "TOP {n} 0 envia les capçaleres del missatge {n} i la línia en blanc que les tanca, i cap línia del cos (RFC 1939 §7).",
  'top.badLines': "«{arg}» no és un nombre de línies; TOP {n} 0 mostra només les capçaleres",
  'top.badLines.explain': "TOP necessita dos nombres: el del missatge i quantes línies del cos s'han de mostrar.",

  'uidl.all': "a continuació, els identificadors únics",
  'uidl.all.explain': "Una línia per missatge: el número i l'identificador únic. L'identificador és el mateix en totes les sessions, així que un client pot saber quins missatges ja ha baixat (RFC 1939 §7).",
  'uidl.one': "{n} {uid}",
  'uidl.one.explain': "L'identificador únic del missatge {n} és {uid}; serà el mateix a la sessió següent (RFC 1939 §7).",

  'capa.ok': "a continuació, la llista de capacitats",
  'capa.ok.explain': "CAPA llista les capacitats d'aquest servidor, una per línia: ordres opcionals, extensions i maneres de funcionar (RFC 2449 §5, §6).",

  // issue 11, nou: LANG de l'RFC 6856. lang.ok comença amb {tag}, l'etiqueta de la llengua triada, perquè l'RFC 6856 §3 la vol al principi
  'lang.list': "a continuació, la llista de llengües",
  'lang.list.explain': "LANG sense res més llista les llengües en què pot respondre aquest servidor, una per línia: l'etiqueta de la llengua i el seu nom en aquella llengua. LANG amb una etiqueta (com ara LANG es) canvia aquesta sessió a aquella llengua (RFC 6856 §3).",
  'lang.ok': "{tag} Llengua canviada: d'ara endavant, les respostes d'aquesta sessió són en català",
  'lang.ok.explain': "Ara aquesta sessió parla la llengua {tag}: d'ara endavant, el text que va després de +OK i -ERR i les explicacions del registre per a aquesta sessió són en aquesta llengua. Les altres sessions mantenen la seva. La resposta comença amb l'etiqueta de la llengua triada (RFC 6856 §3).",
  'lang.unknown': "aquí no hi ha cap llengua «{tag}»; aquest servidor té aquestes llengües: {list}",
  'lang.unknown.explain': "LANG indica una llengua amb la seva etiqueta (RFC 5646), com ara es o ca-ES; aquest servidor té {list}. Després d'un -ERR, la sessió manté la llengua que tenia (RFC 6856 §3).",

  'msg.none': "no hi ha cap missatge {n}: la bústia té {total|missatge|missatges}",
  'msg.none.explain': "Els missatges es numeren d'1 a {total}; els números no canvien en tota la sessió.",
  'msg.zero': "no hi ha cap missatge 0: els missatges es numeren d'1 a {total}",
  'msg.zero.explain': "POP3 numera els missatges a partir de l'1, no del 0 (RFC 1939 §4).",
  'msg.emptyDrop': "no hi ha cap missatge {arg}: la bústia és buida",
  'msg.emptyDrop.explain': "Aquesta bústia no té cap missatge, així que no hi ha cap número de missatge vàlid.",
  'msg.notNumber': "«{arg}» no és un número de missatge; fes servir un número d'1 a {total}",
  'msg.notNumber.explain': "Un número de missatge s'escriu només amb xifres, com ara 1 o 12.",
  'msg.gone': "un altre programa ha tret el missatge {n} de la bústia; els altres encara hi són",
  'msg.gone.explain': "Un altre lector de correu ha esborrat o mogut el fitxer del missatge mentre aquesta sessió era oberta. [SYS/TEMP] indica un problema del costat del servidor.",
  'msg.unreadable': "no es pot llegir el missatge {n}: {reason}",
  'msg.unreadable.explain': "El servidor no ha pogut llegir el missatge del disc. [SYS/TEMP] indica un problema del costat del servidor.",
  'msg.deleted': "el missatge {n} està esborrat; RSET el recupera",
  'msg.deleted.explain': "El missatge {n} s'ha marcat per esborrar amb DELE en aquesta sessió, i un missatge marcat no es pot descarregar (RFC 1939 §5). Encara és a la bústia fins a QUIT: RSET el desmarca i RETR torna a funcionar.",
  'msg.deleted.top': "el missatge {n} està esborrat; RSET el recupera",
  'msg.deleted.top.explain': "El missatge {n} s'ha marcat per esborrar amb DELE en aquesta sessió, i TOP rebutja un missatge marcat, igual que RETR (RFC 1939 §7). Encara és a la bústia fins a QUIT: RSET el desmarca.",
  'msg.deleted.list': "el missatge {n} està esborrat; RSET el recupera",
  'msg.deleted.list.explain': "El missatge {n} s'ha marcat per esborrar amb DELE en aquesta sessió, i LIST deixa fora els missatges marcats (RFC 1939 §5). Encara és a la bústia fins a QUIT, amb el seu número: RSET el desmarca i LIST el torna a mostrar.",
  'msg.deleted.uidl': "el missatge {n} està esborrat; RSET el recupera",
  'msg.deleted.uidl.explain': "El missatge {n} s'ha marcat per esborrar amb DELE en aquesta sessió, i UIDL deixa fora els missatges marcats (RFC 1939 §7). El seu identificador únic no ha canviat: RSET el desmarca i UIDL el torna a mostrar; després de QUIT s'elimina.",

  'server.bug': "el servidor ha fallat amb aquesta ordre ({reason}); la sessió continua",
  'server.bug.explain': "Això és un error de smallpop3, no pas teu: si us plau, informa'n i indica l'ordre que l'ha provocat.",
  'server.full': "el servidor està ple: atén com a màxim {limit|connexió|connexions} alhora; torna-ho a provar d'aquí a un moment",
  'server.full.explain': "El servidor ja té {limit|connexió oberta|connexions obertes}, totes les que pot atendre alhora (--max-connections), així que ha respost -ERR a aquesta i l'ha tancada; els que ja estaven connectats continuen igual. [SYS/TEMP] diu al client que el problema és del costat del servidor i que és temporal (RFC 3206).",
  'line.empty': "línia buida: escriu una ordre, per exemple CAPA",
  'line.empty.explain': "El client ha enviat una línia buida; cada línia POP3 conté una ordre.",
  'line.spaces': "la línia només té espais: escriu una ordre, per exemple CAPA",
  'line.spaces.explain': "El client ha enviat espais i res més. Cada línia POP3 conté una ordre; els espais només en separen les paraules (RFC 1939 §3).",
  'line.leadingSpace': "la línia comença amb un espai: escriu l'ordre just al començament de la línia",
  'line.leadingSpace.explain': "Una línia POP3 comença directament amb l'ordre, com ara STAT o LIST 1; només hi ha un espai entre l'ordre i els arguments (RFC 1939 §3).",
  'line.tab': "la línia té un tabulador a la columna {column}: separa les paraules amb un espai, no amb un tabulador",
  'line.tab.explain': "Un tabulador no és un espai: POP3 separa l'ordre dels arguments amb exactament un espai (RFC 1939 §3). Torna a escriure la línia amb un espai on hi havia el tabulador.",
  'line.control': "la línia té un caràcter de control ({name}) a la columna {column}; torna a escriure la línia sense corregir-la",
  'line.control.explain': "El teu terminal ha enviat la tecla com un byte en lloc d'editar la línia, així que el servidor la veu com a part de l'ordre. Torna a escriure tota la línia sense corregir res, o posa el telnet en mode de línia (prem Ctrl-] i escriu «mode line»): així la tecla de retrocés edita la línia abans d'enviar-la.",
  'line.tooLong': "línia massa llarga ({octets} octets): una línia d'ordre té com a màxim 255 octets",
  'line.tooLong.explain': "L'RFC 2449 §4 limita una línia d'ordre a 255 octets, amb el CRLF inclòs. S'ha ignorat la línia; la sessió continua.",
  'line.endless': "{octets} octets sense final de línia: una línia d'ordre té com a màxim 255 octets, així que el servidor tanca la connexió",
  'line.endless.explain': "Una línia d'ordre acaba quan prems Retorn (CRLF) i té com a màxim 255 octets (RFC 2449 §4). El client ha enviat {octets|octet|octets} sense acabar cap línia, més dels {limit|octet|octets} que el servidor llegeix abans de desistir, així que ha tancat la connexió sense UPDATE: no s'ha esborrat res.",
  'telnet.cut': "el telnet ha enviat els bytes 255 250 (una subnegociació), que aquest servidor no ha demanat, i s'ha descartat el que venia després ({octets} octets); torna a escriure l'última ordre",
  'telnet.cut.explain': "El byte 255 inicia una ordre de telnet (RFC 854), i 255 250, una subnegociació (RFC 855), que només pot venir després d'una opció que tots dos costats hagin acceptat; aquest servidor no n'accepta cap que en tingui. Mentre en buscava el final (255 240), el servidor s'ha saltat {octets|octet|octets}, fins al final de la línia i com a màxim 64, i després ha tornat a llegir ordres: el que s'hi havia escrit s'ha perdut, i la sessió continua.",

  'verb.unknown': "ordre desconeguda «{verb}»; CAPA llista el que admet aquest servidor",
  'verb.unknown.explain': "Les ordres POP3 tenen tres o quatre lletres, com ara USER, STAT, LIST, RETR, TOP o QUIT (RFC 1939 §3).",
  'verb.unsupported': "aquest servidor no admet {verb} ({what}); CAPA llista el que admet",
  'verb.unsupported.explain': "{verb} és una ordre POP3 real, però aquest servidor no l'ofereix. Un client hauria d'enviar primer CAPA i fer servir només el que hi surti (RFC 2449).",
  'verb.removed': "{verb} ja no forma part de POP3 ({what})",
  'verb.removed.explain': "{verb} era una ordre d'una versió antiga de POP3. L'RFC 1939, el POP3 d'avui, no la té, així que cap servidor no està obligat a oferir-la.",
  'verb.unknownGuess': "ordre desconeguda «{verb}» (volies dir {guess}?)",
  'verb.unknownGuess.explain': "«{verb}» no és una ordre POP3; la més semblant és {guess}.",

  'args.spaces': "separa {verb} i els arguments amb un sol espai: {usage}",
  'args.spaces.explain': "Els arguments de POP3 van separats per exactament un espai (RFC 1939 §3).",
  'args.missing': "{verb} necessita un argument: {usage} (per exemple, {example})",
  'args.missing.explain': "L'ordre s'escriu així: {usage}.",
  'args.extra': "massa arguments: {usage} (per exemple, {example})",
  'args.extra.explain': "L'ordre s'escriu així: {usage}.",
  // com s'escriu una ordre amb arguments, per a les respostes de dalt: l'ordre tal qual, els arguments en paraules
  'usage.USER': "USER nom",
  'usage.PASS': "PASS contrasenya",
  'usage.APOP': "APOP nom resum",
  'usage.AUTH': "AUTH PLAIN [credencials en base64]",
  'usage.LIST': "LIST [número]",
  'usage.RETR': "RETR número",
  'usage.DELE': "DELE número",
  'usage.TOP': "TOP número línies",
  'usage.UIDL': "UIDL [número]",
  'usage.LANG': "LANG [llengua]",

  'state.needLogin': "{verb} és una ordre de l'estat TRANSACTION; primer inicia la sessió amb USER i PASS",
  'state.needLogin.explain': "Abans d'iniciar la sessió, l'estat és AUTHORIZATION, on només es permeten USER, PASS, APOP, AUTH, STLS, CAPA, LANG i QUIT (RFC 1939 §4, RFC 2449 §5).",
  'state.loggedIn': "{verb} és una ordre de l'estat AUTHORIZATION, i ja has iniciat la sessió",
  'state.loggedIn.explain': "Un cop iniciada la sessió, l'estat és TRANSACTION; per entrar amb un altre usuari, fes QUIT i torna't a connectar.",

  // ── què demana una ordre (l'explicació del registre per a una línia del client)
  'cmd.USER': "Indica la bústia que es vol obrir: «{a0}». Després hi ha d'anar PASS amb la contrasenya.",
  'cmd.PASS': "La contrasenya de «{user}», l'usuari que ha indicat l'ordre USER anterior.",
  'cmd.PASS.noUser': "Una contrasenya, però abans no s'ha acceptat cap USER: primer hi ha d'anar USER amb el nom, i després PASS.",
  'cmd.PASS.tls': "Aquesta sessió està xifrada (TLS), així que qui observi la xarxa no pot llegir la contrasenya; el servidor, però, sí que la veu.",
  'cmd.PASS.clear': "La contrasenya viatja en clar: qualsevol que pugui observar la xarxa la llegeix. Amb APOP inicies la sessió sense enviar-la; el TLS xifra tota la connexió.",
  'cmd.PASS.masked': "Aquí la contrasenya surt emmascarada (--show-secrets la mostra); les transcripcions no la guarden mai.",
  'cmd.masked': "Part d'aquesta línia pot ser una contrasenya (un PASS mal escrit, o paraules escrites després de USER), així que es mostra com a ********. Per iniciar la sessió, envia USER i el nom, i després PASS i la contrasenya, cadascun en una línia a part. --show-secrets la mostra al registre; les transcripcions no la guarden mai.",
  'cmd.APOP': "Inicia la sessió com a «{a0}» sense enviar la contrasenya: {a1} és l'MD5 de la marca de temps de la salutació seguida de la contrasenya.",
  'cmd.AUTH': "Pregunta quins mecanismes SASL ofereix AUTH.",
  'cmd.AUTH.one': "Comença l'inici de sessió amb el mecanisme SASL {a0}: el servidor respon «+ » i espera les credencials a la línia següent.",
  'cmd.AUTH.two': "Inicia la sessió amb el mecanisme SASL {a0}, amb les credencials (en base64) a la mateixa línia.",
  'cmd.response': "No és una ordre: són les credencials en base64 que el servidor ha demanat amb «+ ».",
  'cmd.response.cancel': "No és una ordre: * cancel·la l'AUTH que el servidor esperava.",
  'cmd.base64': "El base64 és una codificació, no un xifratge: qualsevol que vegi aquesta línia hi llegeix {decoded} (\\0 és un byte NUL).",
  'cmd.base64.clear': "Qualsevol que pugui observar la xarxa el pot descodificar: el que l'amaga és el TLS (STLS, o el port POP3S).",
  'cmd.STLS': "Demana passar aquesta connexió a TLS, perquè tot el que vingui després, contrasenya inclosa, vagi xifrat.",
  'cmd.QUIT': "Acaba la sessió.",
  'cmd.QUIT.update': "Acaba la sessió: el servidor entra a l'estat UPDATE i elimina els missatges marcats amb DELE.",
  'cmd.STAT': "Pregunta quants missatges hi ha i quant ocupen en total.",
  'cmd.LIST': "Demana la mida de cada missatge.",
  'cmd.LIST.one': "Demana la mida del missatge {a0}.",
  'cmd.RETR': "Demana el missatge {a0} sencer: capçaleres i cos.",
  'cmd.DELE': "Marca el missatge {a0} per esborrar-lo; no s'elimina fins després de QUIT.",
  'cmd.NOOP': "No fa res: serveix per comprovar que el servidor encara hi és.",
  'cmd.RSET': "Desfà tots els DELE d'aquesta sessió.",
  'cmd.TOP': "Demana les capçaleres del missatge {a0}, la línia en blanc que les segueix i fins a {a1|línia|línies} del principi del cos.",
  'cmd.TOP.headers': "Demana només les capçaleres del missatge {a0} i la línia en blanc que les tanca, sense cap línia del cos.",
  'cmd.TOP.notNumber': "Demana les capçaleres del missatge {a0} i el principi del cos, però «{a1}» no és un nombre de línies.",
  'cmd.UIDL': "Demana l'identificador únic de cada missatge.",
  'cmd.UIDL.one': "Demana l'identificador únic del missatge {a0}.",
  'cmd.CAPA': "Pregunta quines capacitats té el servidor: ordres opcionals, extensions i maneres de funcionar.",
  'cmd.unknown': "No és una ordre que aquest servidor conegui.",
  'cmd.unreadable': "La línia té un caràcter de control (un tabulador, un retrocés, una tecla de fletxa…), així que el servidor no la llegeix com una ordre; la resposta diu quin és i on és.",
  'cmd.unsupported': "Una ordre POP3 real, d'una extensió que aquest servidor no ofereix.",
  'cmd.removed': "Una ordre d'una versió antiga de POP3, eliminada abans de l'RFC 1939.",
  'cmd.blank': "Una línia sense cap ordre: buida, o només amb espais.",
  'cmd.leadingSpace': "Una línia que comença amb un espai: el servidor busca l'ordre just al començament, i no en troba cap.",
  'cmd.usage': "{verb} s'escriu així: {usage}.",
  // issue 11, nou: LANG de l'RFC 6856
  'cmd.LANG': "Pregunta en quines llengües pot respondre el servidor.",
  'cmd.LANG.one': "Demana al servidor que d'ara endavant respongui en la llengua {a0}.",
  'cmd.LANG.any': "Demana al servidor que d'ara endavant respongui en la seva llengua per defecte.",

  // ── noms de coses que surten dins de les respostes ───────────────────────
  'control.0': "NUL",
  'control.8': "retrocés",
  'control.13': "retorn de carro (CR) dins de la línia",
  'control.27': "Esc (l'envia una tecla de fletxa)",
  'control.127': "supressió (DEL)",
  'control.255': "byte 255",
  'control.ctrl': "Ctrl-{letter} (byte {byte})",
  'unsupported.LAST': "l'RFC 1725 la va eliminar el 1994; UIDL diu quins missatges ja ha vist un client",
  'unsupported.RPOP': "l'RFC 1460 la va eliminar el 1993; APOP permet iniciar la sessió sense enviar la contrasenya",
  'unsupported.XTND': "una extensió d'alguns servidors antics, de l'RFC 1082",
  // issue 11, nou: els noms de les llengües. language.name és el nom d'aquesta llengua en ella mateixa, tal com surt en una
  // llista de llengües (English, Español, Català); language.XX és com anomena XX una frase en aquesta llengua
  'language.name': "Català",
  'language.en': "anglès",
  'language.es': "castellà",
  'language.ca': "català",

  // ── esdeveniments i elements del registre ────────────────────────────────
  'ev.connect': "S'ha connectat un client des de {remote}.",
  'ev.connect.tls': "S'ha connectat un client des de {remote} per TLS ({protocol}, xifratge {cipher}): tot el que passa per aquesta connexió, contrasenyes incloses, va xifrat; qui observi la xarxa només hi veu bytes il·legibles. Les línies marcades amb 🔒 viatgen xifrades.",
  'ev.tlsError': "Una connexió des de {remote} al port TLS ha fallat en la negociació ({reason}). Això és el que passa quan un client de text en clar (telnet, nc) es connecta al port TLS: el servidor hi espera TLS des del primer byte. Fes servir openssl s_client -connect, o el port sense xifrar.",
  'ev.tlsError.stls': "La negociació TLS després de STLS ha fallat ({reason}), així que el servidor ha tancat la connexió. Això és el que passa quan un client (telnet, nc) envia més ordres en lloc d'iniciar el TLS; fes servir openssl s_client -starttls pop3.",
  'ev.starttls': "S'ha iniciat el TLS ({protocol}, xifratge {cipher}): a partir d'ara tot el que passa per aquesta connexió va xifrat; les línies marcades amb 🔒 viatgen xifrades. La sessió continua en l'estat AUTHORIZATION: inicia la sessió ara, i ningú a la xarxa no podrà llegir la contrasenya. El que s'hagi enviat abans de la negociació s'ha descartat.",
  'ev.disconnect.quit': "La sessió ha acabat amb QUIT i s'ha tancat la connexió.",
  'ev.disconnect.client': "El client ha tancat la connexió sense QUIT: no s'ha esborrat res.",
  'ev.disconnect.timeout': "No ha arribat cap ordre en {seconds} segons: la desconnexió automàtica per inactivitat ha tancat la connexió sense UPDATE, així que no s'ha esborrat res (RFC 1939 §3).",
  'ev.disconnect.shutdown': "El servidor s'atura: s'ha tancat la connexió sense UPDATE, així que no s'ha esborrat res.",
  'ev.disconnect.error': "La connexió ha fallat ({reason}); no s'ha esborrat res.",
  'ev.disconnect.full': "El servidor estava ple, així que ha tancat aquesta connexió de seguida; les altres continuen.",
  'ev.disconnect.endless': "El servidor ha tancat la connexió, sense UPDATE, després d'una línia que no acabava mai: no s'ha esborrat res.",
  'ev.delay': "Inici de sessió fallit des de {address} (errors seguits: {failures}): la resposta ha esperat {ms} ms, perquè endevinar contrasenyes sigui lent. Cada error seguit fa esperar més, fins a un límit, i les connexions des de la mateixa adreça esperen per torns; s'acaba quan algú inicia la sessió amb aquell usuari, o després d'un minut sense errors.",
  'ev.login.ok': "{user} ha iniciat la sessió amb {method}. La bústia té {count|missatge|missatges}, {octets|octet|octets} en total, i queda bloquejada per a aquesta sessió.",
  'ev.login.AUTH': "Un inici de sessió amb {method} ha fallat: el nom o la contrasenya no són correctes ([AUTH]). La sessió continua en l'estat AUTHORIZATION.",
  'ev.login.IN-USE': "Un inici de sessió amb {method} ha fallat: la contrasenya era correcta, però una altra sessió té la bústia oberta ([IN-USE]).",
  'ev.login.SYS/PERM': "Un inici de sessió amb {method} ha fallat: la contrasenya era correcta, però la bústia no es podrà obrir fins que l'administrador del servidor ho arregli ([SYS/PERM]).",
  'ev.login.SYS/TEMP': "Un inici de sessió amb {method} ha fallat: la contrasenya era correcta, però ara mateix no s'ha pogut obrir la bústia; potser funcionarà si es torna a provar més tard ([SYS/TEMP]).",
  'ev.update.mbox': "UPDATE: de {path} s'han eliminat els missatges marcats ({deleted|missatge|missatges}) i s'han conservat els altres ({left}). S'ha reescrit tot el fitxer en un fitxer temporal, que després ha substituït l'antic amb un canvi de nom, de manera que mai no queda escrit a mitges.",
  'ev.update.maildir': "UPDATE: de {path} s'han eliminat els fitxers dels missatges marcats ({deleted|fitxer|fitxers}) i s'han conservat els altres ({left}); els missatges llegits amb RETR s'han mogut de new/ a cur/. Primer s'ha escrit una llista d'aquests passos, així que, si alguna cosa falla a mitges, el proper inici de sessió ho acaba.",
  'ev.update.unfinished': "L'actualització (UPDATE) s'ha aturat a mitges ({reason}); la llista de passos escrita abans permet que el proper inici de sessió l'acabi.",
  'ev.update.none': "UPDATE: no s'havia marcat cap missatge amb DELE, així que la bústia no ha canviat.",
  'ev.update.failed': "L'actualització (UPDATE) ha fallat ({reason}); la bústia no ha canviat.",
  'log.state': "estat {before} ({meaning})",
  'log.stateChange': "estat {before} → {after} ({meaning})",
  'state.AUTHORIZATION': "encara no s'ha iniciat la sessió",
  'state.TRANSACTION': "sessió iniciada: es llegeixen i es marquen missatges",
  'state.UPDATE': "s'eliminen els missatges marcats amb DELE i després es tanca",
  'log.multi': "multilínia: {lines|línia|línies}, {octets|octet|octets}{stuffed}, i després una línia amb només «.»",
  'log.stuffed': ", {count} amb el punt inicial doblat (dot-stuffing)",
  'transcript.cut': "La transcripció s'acaba aquí: aquesta sessió ha escrit {limit|octet|octets}, el màxim per sessió. Les ordres i respostes posteriors no es registren; com ha acabat, sí.",
  'log.truncated': "… (--verbose mostra com a màxim 200 línies d'una resposta)",
  'log.dropped': "… {count|entrada del registre no mostrada|entrades del registre no mostrades}: els esdeveniments arribaven més de pressa del que aquesta sortida podia escriure",

  // ── problemes amb fitxers, que surten en respostes -ERR i a la línia d'ordres
  'store.inUse': "la bústia ja està oberta en una altra sessió",
  'store.missing': "no es troba la bústia {path} ({code})",
  'store.notMaildir': "{path} és una carpeta però no és un maildir: un maildir conté cur/, new/ i tmp/",
  'store.unreadable': "no es pot llegir {path}: {reason}",
  'store.notMbox': "la línia {line} va abans de la primera línia «From », així que això no és un fitxer mbox",
  'store.gone': "el fitxer del missatge {n} ja no hi és",
  'store.shortened': "un altre programa ha escurçat el fitxer mbox durant la sessió",
  'store.changed': "un altre programa ha reescrit el fitxer mbox durant la sessió",
  'store.busy': "un altre programa (segurament un lliurament de correu) fa massa estona que té el bloqueig {path}; torna-ho a provar d'aquí a un moment",
  'store.unfinished': "{reason}",
  'maillist.unreadable': "no es pot llegir el fitxer de comptes ({why})",
  'maillist.noFile': "el fitxer no existeix",
  'maillist.denied': "permís denegat",
  'maillist.isFolder': "és una carpeta, no un fitxer",
  'maillist.fields': "calen 3 camps «usuari contrasenya bústia», i n'hi ha {found}: «{line}»",
  'maillist.duplicate': "l'usuari «{user}» ja està definit a la línia {first}; cada usuari ha de tenir una sola línia",
  'maillist.missing': "no es troba la bústia «{mailbox}» de l'usuari «{user}» (s'ha buscat a {path})",
  'maillist.notMaildir': "la bústia «{mailbox}» de l'usuari «{user}» és una carpeta però no és un maildir: un maildir conté cur/, new/ i tmp/",
  'maillist.empty': "no hi ha cap compte: afegeix una línia «usuari contrasenya bústia»",
  'exercise.noFront': "no hi ha capçalera (front matter): comença el fitxer amb ---, title: ..., account: ..., ---",
  'exercise.noTitle': "a la capçalera (front matter) hi falta title:",
  'exercise.noAccount': "a la capçalera (front matter) hi falta account: (l'usuari amb què l'exercici inicia la sessió)",
  'exercise.stepNumber': "el pas {found} hauria de ser el pas {expected}",
  'exercise.noSteps': "no hi ha cap pas: afegeix encapçalaments com ara «## Pas 1: Connexió»",
  'exercise.badLine': "pas {step}: una línia d'un bloc pop3 ha de començar amb «C: » o «S: », no amb «{line}»",
  // exercise markers (issue 11): les paraules que busca el lector d'exercicis (paraules soles; vegeu la taula acordada de marcadors)
  'exercise.marker.learn': "Què aprendràs",
  'exercise.marker.why': "Per què és important",
  'exercise.marker.step': "Pas",
  'exercise.marker.question': "Pregunta",
  'exercise.marker.choices': "Opcions",
  'exercise.marker.accept': "S'accepta",
  'exercise.marker.answer': "Resposta",

  // ── la línia d'ordres ─────────────────────────────────────────────────────
  'banner.title': "smallpop3 {version}: un servidor POP3 per aprendre",
  'banner.listening': "Escolta a {where}",
  'banner.listeningTls': "POP3S (TLS des del primer byte) a {where}",
  'banner.fingerprint': "Certificat {path}\n    Empremta digital SHA-256 {fingerprint}\n    (un client ha de rebre la mateixa; mira quina rep amb: openssl s_client -starttls pop3 -connect {where} </dev/null 2>/dev/null | openssl x509 -noout -fingerprint -sha256)",
  'banner.fingerprintGiven': "Empremta digital SHA-256 del certificat {fingerprint}\n    (un client ha de rebre la mateixa; mira quina rep amb: openssl s_client -starttls pop3 -connect {where} </dev/null 2>/dev/null | openssl x509 -noout -fingerprint -sha256)",
  'banner.connectTls': "Per TLS:  {command}",
  'banner.connectStls': "Amb STLS:  {command}",
  'banner.sample': "Serveix les bústies d'exemple incloses des d'una còpia de treball a {dir}\n  (esborrar-hi correu no canvia mai el mateix smallpop3; «smallpop3 reset» la restaura)",
  'banner.maillist': "Serveix els comptes de {file}",
  'banner.accounts': "Comptes: {list}",
  'banner.connect': "Des d'un altre terminal, connecta't amb:  {command}",
  'banner.network': "Des d'altres màquines de la xarxa:",
  'banner.telnet': "telnet {host} {port}",
  'banner.openssl': "openssl s_client -connect {where} -ign_eof",
  'banner.opensslStls': "openssl s_client -starttls pop3 -connect {where} -ign_eof",
  'banner.try': "i després escriu, una línia cada vegada:\n    USER {user}   PASS {password}   STAT   LIST   RETR 1   QUIT",
  'banner.connections': "Atén com a màxim {max|connexió|connexions} alhora (--max-connections N per canviar-ho)",
  'banner.stop': "A sota es mostra cada línia amb una explicació. Prem Ctrl-C per aturar el servidor.",
  'banner.stopping': "S'atura el servidor: les sessions obertes es tanquen sense UPDATE, així que no s'esborra res.",
  // issue 11, nou: la llengua en ús i com canviar-la; {options} és com ara «--lang es o --lang ca»
  'banner.language': "Llengua: {language}. Per començar en una altra, fes servir {options}; dins d'una sessió, LANG llista les llengües i LANG {example} canvia la llengua de les respostes.",
  'banner.wireLanguage': "Les respostes que s'envien als clients són en {language} (--wire-lang); tota la resta segueix --lang.",
  'banner.account': "{user} (contrasenya {password})",

  'cli.unknownOption': "opció desconeguda {option}; «smallpop3 --help» llista les opcions",
  'cli.badNumber': "l'opció {option} necessita un nombre enter entre {min} i {max}, no «{value}»",
  'cli.badTimeout': "l'opció --timeout necessita un nombre de segons entre 1 i 86400 (com ara 600 o 10m), no «{value}»",
  'cli.badLog': "l'opció --log ha de ser «text» o «json», no «{value}»",
  'cli.badLang': "l'opció --lang ha de ser una d'aquestes: {languages}; no «{value}»",
  // issue 11, nou
  'cli.badWireLang': "l'opció --wire-lang ha de ser una d'aquestes: {languages}; no «{value}»",
  'cli.valueNeeded': "l'opció {option} necessita un valor",
  'cli.noValueWanted': "l'opció {option} no admet cap valor",
  'cli.listenFailed': "no es pot escoltar a {host}, port {port}: {reason}",
  'cli.unknownCommand': "ordre desconeguda «{command}»; les ordres són: {commands}",
  'cli.portInUse': "el port {port} de {host} ja està en ús (hi ha un altre smallpop3 en marxa?); atura'l o tria un altre port amb {option} {other}",
  'cli.portDenied': "no tens permís per escoltar al port {port}: els ports per sota de 1024 necessiten root; fes servir un port més alt, com ara {option} {other}",
  'cli.hostUnavailable': "no es pot escoltar a {host}: aquesta màquina no té aquesta adreça; fes servir 127.0.0.1, 0.0.0.0 o ::",
  'cli.unknownExercise': "no hi ha cap exercici «{name}»; «smallpop3 exercises» els llista",
  'cli.needExercise': "digues quin exercici vols comprovar, per exemple: smallpop3 check 1 («smallpop3 exercises» els llista)",
  'cli.badExercise': "un fitxer d'exercici està malmès: {problem}",

  'exercises.header': "Exercicis (els fitxers són a {dir}):",
  'exercises.line': "{n}. {title}  (compte {account}; smallpop3 check {number})",
  'exercises.footer': "Llegeix-los com a fitxes de pràctiques en aquesta carpeta, o deixa que «smallpop3 check N» et digui què has fet.",
  // issue 11, nou: un exercici que encara no està traduït a la llengua de l'estudiant
  'exercises.inEnglish': "(en anglès)",
  'exercises.notTranslated': "Aquest exercici encara no està disponible en {language}, així que es mostra en anglès.",

  'check.title': "Exercici {number}: {title}",
  'check.read': "Lectura de {dir}: {sessions|sessió|sessions} de l'usuari «{user}»",
  'check.none': "Encara no s'ha registrat cap sessió de l'usuari «{user}» a {dir}: connecta't, inicia la sessió com a {user} i segueix l'exercici.",
  'check.goal': "Pas {step}: {title}",
  'check.type': "escriu: {lines}",
  'check.typeNew': "escriu, en una segona connexió telnet, com diu l'exercici: {lines}",
  'check.typeStls': "telnet no sap parlar TLS: connecta't amb openssl s_client -starttls pop3 com mostra l'exercici (openssl envia STLS per tu) i escriu: {lines}",
  'check.typeTls': "amb TLS des del primer byte, que telnet no sap fer: connecta't al port TLS amb openssl s_client -connect com mostra l'exercici (o fes servir el client que indica) i escriu: {lines}",
  'check.sent': "has enviat «{sent}» i el servidor ha respost «{answered}»; l'exercici espera «{expected}»",
  'check.cut': "{sessions|sessió ha escrit|sessions han escrit} més del que pot guardar una transcripció ({limit|octet|octets}): el que ve després no està registrat, així que aquí no compta.",
  'check.resetHint': "Si els números no coincideixen perquè es van esborrar missatges en una sessió anterior, «smallpop3 reset» recupera les bústies d'exemple.",
  'check.allDone': "S'han assolit tots els objectius ({total}): l'exercici {number} està fet.",
  'check.someDone': "Objectius assolits: {met} de {total}. Segueix les pistes d'aquí dalt i torna a fer la comprovació.",

  'cli.noTranscripts': "avís: no es poden registrar les sessions a {dir} ({code}), així que «smallpop3 check» no les veurà; tria una altra carpeta amb --transcripts DIR",
  'tls.unreadable': "no es pot llegir {path} ({code}): comprova el camí que has donat a --cert o --key",
  'tls.notCertificate': "{path} no és un certificat PEM (hauria de començar amb -----BEGIN CERTIFICATE-----)",
  'tls.badPair': "el certificat {cert} i la clau {key} no es poden fer servir junts: {reason}",
  'cli.tlsOptions': "--cert i --key van juntes: dona-les totes dues, o cap de les dues per tenir un certificat autosignat",
  'cli.fileProblem': "no es pot fer servir {path} ({code}: {reason}); comprova que existeix i que tens permís per llegir-lo i escriure-hi",
  'cli.reset': "S'ha restaurat la bústia d'exemple: {dir}",
  'sample.inUse': "ara no es pot restaurar l'exemple: una sessió de «{user}» té oberta {mailbox}, i el seu QUIT esborraria missatges de la còpia nova; tanca aquella sessió amb QUIT (o atura el servidor) i torna a executar «smallpop3 reset»",

  'help.main': `smallpop3 {version}: un servidor POP3 per aprendre (RFC 1939)

Ús:
  smallpop3 [opcions]        engega el servidor (port 65000, bústia d'exemple)
  smallpop3 serve [opcions]  el mateix
  smallpop3 reset            deixa la bústia d'exemple com venia de fàbrica
  smallpop3 exercises        llista els exercicis
  smallpop3 guide [N]        fes l'exercici N amb un tutor, pas a pas
  smallpop3 check N          comprova l'exercici N a les sessions registrades
  smallpop3 demo [N]         reprodueix l'exercici N a classe, pas a pas
  smallpop3 admin ORDRE      gestiona un servidor en marxa (--admin-port)
  smallpop3 class ...        comptes i bústies per a tota una classe
  smallpop3 help [ordre]     mostra aquesta ajuda, o la d'una ordre

Opcions:
  -p, --port N          port TCP on escoltar (per defecte 65000; 0 en tria un
                        de lliure)
  -H, --host ADREÇA     adreça on escoltar (per defecte 127.0.0.1, només
                        aquesta màquina; 0.0.0.0 o :: per acceptar tota la
                        xarxa d'una aula)
  -m, --maillist FITXER fitxer de comptes: una línia «usuari contrasenya
                        bústia» per compte (per defecte: ./maillist si n'hi
                        ha; si no, l'exemple)
  -t, --timeout SEGONS  desconnexió automàtica després de SEGONS segons
                        d'inactivitat (per defecte 600; també 10m)
  -v, --verbose         mostra al registre les línies de les respostes
                        multilínia
      --log FORMAT      text (per defecte: explicat, amb colors en un
                        terminal) o json (un objecte JSON per línia, per a
                        eines)
  -q, --quiet           sense registre: només el text d'inici (per a proves
                        de càrrega; les sessions es continuen registrant)
      --show-secrets    mostra les contrasenyes al registre en lloc de
                        ******** (mai a les transcripcions)
      --lang LLENGUA    llengua de tot el que es mostra: {languages} (per
                        defecte, segons LC_ALL, LC_MESSAGES o LANG; si no,
                        en)
      --wire-lang LLENGUA
                        llengua de les respostes que s'envien als clients
                        (per defecte, la de --lang); dins d'una sessió, LANG
                        la canvia
      --transcripts DIR on registrar les sessions (per defecte: una carpeta
                        transcripts al costat de les bústies)
      --max-connections N
                        connexions ateses alhora (aquí, per defecte,
                        {connections}, segons el límit de fitxers oberts);
                        una de més rep -ERR [SYS/TEMP] i es tanca
      --tls-port N      serveix també POP3S (TLS des del primer byte) al
                        port N (0 en tria un de lliure); per defecte, cap
      --require-tls     accepta contrasenyes només per TLS: USER, PASS, APOP
                        i AUTH es rebutgen fins a STLS (o al --tls-port)
      --cert FITXER     el certificat TLS (PEM), amb --key FITXER la seva
                        clau, per a STLS i --tls-port; sense aquestes dues
                        opcions, se'n crea un d'autosignat per a localhost
                        una sola vegada i es guarda a la carpeta d'estat
      --admin-port N    obre el port d'administració (docs/admin-protocol.md):
                        estadístiques, sessions, progrés, comptes, ajustos en
                        directe
      --admin-host ADREÇA
                        adreça del port d'administració (per defecte
                        127.0.0.1, fins i tot quan --host obre el port POP3 a
                        la xarxa)
      --admin-secret S  el seu secret (per defecte: SMALLPOP3_ADMIN_SECRET;
                        si no, un de creat en engegar, que es mostra al text
                        d'inici)
      --web-port N      obre la vista de la classe en directe al navegador en
                        aquest port, protegida pel secret d'administració (el
                        text d'inici en mostra l'enllaç)
      --web-host ADREÇA adreça de la vista de la classe (per defecte
                        127.0.0.1)
  -h, --help            mostra aquesta ajuda
  -V, --version         mostra la versió

Després, des d'un altre terminal:  telnet localhost 65000
El color segueix el terminal; posa NO_COLOR=1 per desactivar-lo.`,
  'help.check': `smallpop3 check EXERCICI: l'he fet de debò?

Llegeix les sessions registrades (transcripcions) i diu, pas a pas, què està
fet i què falta, amb una pista. EXERCICI és un número o un nom, tal com els
llista «smallpop3 exercises».

Opcions:
  --user NOM             de quin usuari es comproven les sessions (per
                         defecte: el compte de l'exercici)
  --json                 mostra el resultat en JSON, per a eines
  -m, --maillist FITXER  el fitxer de comptes amb què es va engegar el
                         servidor (per trobar-ne les transcripcions), com al
                         servidor
      --transcripts DIR  llegeix les transcripcions de DIR
      --lang LLENGUA     la llengua de l'informe i de l'exercici:
                         {languages} (compten les sessions registrades en
                         qualsevol llengua)

Codi de sortida: 0 si s'han assolit tots els objectius, 1 si no, 2 si hi ha
un error d'ús.`,
  'help.exercises': `smallpop3 exercises: llista els exercicis, amb el número i el títol.

Opcions:
      --lang LLENGUA   la llengua dels exercicis: {languages} (un exercici
                       que encara no està traduït surt en anglès, i ho diu)`,
  'help.reset': `smallpop3 reset: restaura la bústia d'exemple

L'exemple (usuari guest, contrasenya visitor) se serveix des d'una còpia de
treball que és a {dir},
perquè esborrar-hi correu no canviï mai el mateix smallpop3. «reset» la
torna a copiar: tots els missatges esborrats tornen a ser-hi.`,

  // ── supervisió i administració: l'estat en directe, el protocol d'administració i el seu client (issue 12) ──
  'ev.disconnect.kicked': "L'administrador ha desconnectat aquesta sessió (KICK al port d'administració), sense UPDATE: no s'ha esborrat res.",
  'state.listenerFailed': "un receptor dels esdeveniments del servidor ha fallat ({reason}); el servidor i els altres receptors continuen, i les seves fallades posteriors només es compten",

  'accounts.exists': "ja hi ha un compte «{user}»",
  'accounts.unknown': "no hi ha cap compte «{user}»",
  'accounts.badName': "«{user}» no pot ser un nom d'usuari: fes servir fins a 64 lletres, xifres i . _ - + @, i comença amb una lletra, una xifra o _",
  'accounts.badPassword': "una contrasenya és una sola paraula de fins a 128 caràcters: sense espais, tabulacions ni caràcters de control (el fitxer de comptes separa els camps amb espais)",
  'accounts.badMailbox': "«{mailbox}» no pot ser el camí d'una bústia: ha de ser una sola paraula, sense espais",
  'accounts.needMailbox': "aquest servidor ha rebut els comptes sense fitxer de comptes: indica la bústia del compte nou (ADDUSER usuari contrasenya bústia)",
  'accounts.noMaillist': "aquest servidor ha rebut els comptes sense fitxer de comptes, així que no hi ha res per tornar a llegir",
  'accounts.last': "«{user}» és l'últim compte, i un fitxer de comptes n'ha de tenir un: primer afegeix-ne un altre",
  'accounts.changedOnDisk': "el fitxer de comptes ja no té cap línia per a «{user}»: algú l'ha canviat a mà des que es va llegir; primer fes RELOAD",
  'accounts.notMaildir': "{mailbox} és una carpeta però no és un maildir (un maildir conté cur/, new/ i tmp/)",

  'admin.greeting': "port d'administració de smallpop3 a punt; AUTH amb el secret, HELP per a les ordres",
  'admin.greeting.explain': "El port d'administració saluda. Fins que no es dona el secret amb AUTH, només funcionen HELP i QUIT (docs/admin-protocol.md §3).",
  'admin.full': "massa connexions d'administració (com a màxim {limit}); torna-ho a provar d'aquí a un moment",
  'admin.full.explain': "El port d'administració atén poques connexions alhora; aquesta s'ha rebutjat i s'ha tancat.",
  'admin.failed': "{reason}",
  'admin.failed.explain': "No s'ha pogut fer l'ordre; no s'ha canviat res. La connexió es pot continuar fent servir.",
  'admin.auth.ok': "benvingut, administrador",
  'admin.auth.ok.explain': "El secret és correcte: ara la connexió és en l'estat ADMIN i totes les ordres funcionen.",
  'admin.auth.already': "aquesta connexió ja ha donat el secret",
  'admin.auth.already.explain': "AUTH només cal una vegada per connexió; aquesta ja és en l'estat ADMIN.",
  'admin.auth.wrong': "secret incorrecte",
  'admin.auth.wrong.explain': "El secret és incorrecte: la connexió continua en l'estat AUTHORIZATION. Cada secret incorrecte seguit des de la mateixa adreça es respon més a poc a poc, i queda al registre.",
  'admin.help': "a continuació, les ordres",
  'admin.help.explain': "HELP llista les ordres que funcionen en aquest estat, una per línia, amb els seus arguments.",
  'admin.help.one': "a continuació, com es fa servir {verb}",
  'admin.help.one.explain': "HELP amb una ordre diu com s'escriu, què fa i on la descriu docs/admin-protocol.md.",
  'admin.help.unknown': "no hi ha cap ordre «{verb}»; HELP les llista",
  'admin.help.unknown.explain': "S'ha demanat HELP d'una ordre que el protocol d'administració no té.",
  'admin.help.AUTH': "dona el secret; totes les altres ordres el necessiten",
  'admin.help.HELP': "llista les ordres, o diu com es fa servir una",
  'admin.help.QUIT': "tanca aquesta connexió",
  'admin.help.STATS': "estadístiques des de l'engegada, i els ajustos en directe",
  'admin.help.SESSIONS': "les sessions POP3 obertes: usuari, adreça, estat, temps inactiu, TLS, bytes, última ordre",
  'admin.help.PROGRESS': "els exercicis de cada alumne: fets, el pas on és, errors seguits (encallat)",
  'admin.help.USERS': "els comptes (mai les contrasenyes)",
  'admin.help.ADDUSER': "afegeix un compte; si cal, en crea la bústia",
  'admin.help.DELUSER': "elimina un compte (la seva bústia es queda al disc)",
  'admin.help.PASSWD': "canvia la contrasenya d'un compte",
  'admin.help.RELOAD': "torna a llegir el fitxer de comptes, després de canviar-lo a mà",
  'admin.help.SET': "canvia el màxim de connexions, o la desconnexió automàtica en segons",
  'admin.help.KICK': "desconnecta una sessió sense UPDATE: no s'esborra res",
  'admin.help.BROADCAST': "escriu un missatge al registre del servidor",
  // com s'escriu una ordre d'administració amb arguments (HELP, els errors d'arguments, smallpop3 help admin): l'ordre tal qual
  'admin.usage.AUTH': "AUTH secret",
  'admin.usage.HELP': "HELP [ordre]",
  'admin.usage.PROGRESS': "PROGRESS [usuari]",
  'admin.usage.ADDUSER': "ADDUSER usuari contrasenya [bústia]",
  'admin.usage.DELUSER': "DELUSER usuari",
  'admin.usage.PASSWD': "PASSWD usuari contrasenya",
  'admin.usage.SET': "SET maxconn|timeout nombre",
  'admin.usage.KICK': "KICK sessió",
  'admin.usage.BROADCAST': "BROADCAST text",
  'admin.quit': "adeu",
  'admin.quit.explain': "La connexió d'administració acaba; no es desfà res del que ha canviat.",
  'admin.stats': "a continuació, les estadístiques",
  'admin.stats.explain': "STATS: els comptadors del servidor des de l'engegada, un «nom=valor» per línia, i després els ajustos en directe.",
  'admin.sessions': "{count|sessió oberta|sessions obertes}",
  'admin.sessions.explain': "SESSIONS: una línia per sessió POP3 oberta, amb parells «nom=valor»; «id» és el número que demana KICK.",
  'admin.progress': "a continuació, el progrés de {count|alumne|alumnes}",
  'admin.progress.explain': "PROGRESS: una línia per alumne, a partir de les sessions registrades, tal com les llegeix «smallpop3 check»: exercicis fets, l'exercici i el pas on és, respostes -ERR seguides (stuck=true a partir de 3).",
  'admin.progress.none': "aquest servidor no registra les sessions, així que no hi ha progrés per mostrar",
  'admin.progress.none.explain': "PROGRESS llegeix les transcripcions, i aquest servidor s'ha engegat sense carpeta de transcripcions.",
  'admin.user.unknown': "no hi ha cap compte «{user}»",
  'admin.user.unknown.explain': "L'usuari indicat no és al registre de comptes; USERS els llista.",
  'admin.users': "{count|compte|comptes}",
  'admin.users.explain': "USERS: una línia per compte, en l'ordre del fitxer de comptes: l'usuari, la bústia i quantes sessions té iniciades ara. Les contrasenyes no es mostren mai.",
  'admin.adduser.created': "s'ha afegit el compte {user}, amb una bústia nova i buida {mailbox}",
  'admin.adduser.created.explain': "El compte s'ha afegit al fitxer de comptes (escrit en un fitxer temporal que després el substitueix amb un canvi de nom, així que mai no queda escrit a mitges) i funciona a partir del proper inici de sessió; se n'ha creat la bústia.",
  'admin.adduser.ok': "s'ha afegit el compte {user}, amb la bústia {mailbox}",
  'admin.adduser.ok.explain': "El compte s'ha afegit al fitxer de comptes (escrit en un fitxer temporal que després el substitueix amb un canvi de nom) i funciona a partir del proper inici de sessió; la bústia ja existia.",
  'admin.deluser.ok': "s'ha eliminat el compte {user}; la seva bústia es queda al disc",
  'admin.deluser.ok.explain': "La línia del compte ha sortit del fitxer de comptes (escrit de manera atòmica); ja no pot iniciar la sessió. No s'ha tocat el seu correu.",
  'admin.deluser.open': "s'ha eliminat el compte {user}; encara té iniciada la sessió {sessions} (KICK per acabar-la)",
  'admin.deluser.open.explain': "El compte ja no pot iniciar la sessió, però una sessió iniciada abans continua fins que acabi o la desconnectin.",
  'admin.passwd.ok': "s'ha canviat la contrasenya de {user}",
  'admin.passwd.ok.explain': "La contrasenya nova és al fitxer de comptes (escrit de manera atòmica) i és la que demanarà el proper inici de sessió; una sessió ja iniciada continua.",
  'admin.reload.ok': "fitxer de comptes llegit de nou: {accounts|compte|comptes}, {added|afegit|afegits}, {removed|eliminat|eliminats}, {changed|canviat|canviats}",
  'admin.reload.ok.explain': "S'ha tornat a llegir el fitxer de comptes; els inicis de sessió nous veuen els comptes que té ara. Un fitxer de comptes malmès s'hauria rebutjat, i els comptes haurien quedat com estaven.",
  'admin.set.unknown': "no hi ha cap ajust «{name}»; els ajustos són {names}",
  'admin.set.unknown.explain': "SET canvia maxconn (les connexions ateses alhora) o timeout (la desconnexió automàtica, en segons).",
  'admin.set.bad': "{name} necessita un nombre enter entre {min} i {max}, no «{value}»",
  'admin.set.bad.explain': "El valor és fora de l'interval; l'ajust no ha canviat.",
  'admin.set.maxconn': "màxim de connexions {before} → {value}",
  'admin.set.maxconn.explain': "A partir d'ara el servidor atén com a màxim {value|connexió|connexions} alhora; no es desconnecta ningú, però es rebutgen les que passin del límit.",
  'admin.set.timeout': "desconnexió automàtica {before} → {value} segons",
  'admin.set.timeout.explain': "A partir d'ara totes les connexions, també les obertes, es tanquen després de {value|segon|segons} d'inactivitat sense cap ordre (RFC 1939 §3).",
  'admin.kick.ok': "sessió {id} ({user}) desconnectada; no s'ha esborrat res",
  'admin.kick.ok.explain': "La sessió s'ha tancat sense UPDATE: els missatges que havia marcat amb DELE encara hi són, i la seva bústia s'ha desbloquejat.",
  'admin.kick.none': "no hi ha cap sessió oberta {id}; SESSIONS les llista",
  'admin.kick.none.explain': "KICK demana l'«id» d'una sessió oberta, tal com la mostra SESSIONS.",
  'admin.kick.ending': "la sessió {id} ja està acabant",
  'admin.kick.ending.explain': "La sessió s'està tancant (o fent efectiu el seu QUIT): es deixa que acabi.",
  'admin.broadcast': "missatge escrit al registre",
  'admin.broadcast.explain': "El missatge és al registre del servidor, per a qui el miri.",
  'admin.empty': "línia buida; HELP llista les ordres",
  'admin.empty.explain': "Una línia ha de contenir una ordre.",
  'admin.control': "la línia conté un caràcter de control; torna a escriure l'ordre",
  'admin.control.explain': "Les ordres són text imprimible; s'ha enviat un caràcter de control (una tecla de fletxa, o la tecla d'esborrar en alguns terminals).",
  'admin.leadingSpace': "la línia comença amb un espai; comença amb l'ordre",
  'admin.leadingSpace.explain': "L'ordre és la primera paraula de la línia, sense res al davant.",
  'admin.unknown': "ordre desconeguda «{verb}»; HELP llista les ordres",
  'admin.unknown.explain': "El protocol d'administració no té aquesta ordre.",
  'admin.unknownGuess': "ordre desconeguda «{verb}»; volies dir {guess}?",
  'admin.unknownGuess.explain': "El protocol d'administració no té aquesta ordre; sembla un {guess} mal escrit.",
  'admin.needAuth': "{verb} necessita primer el secret: AUTH secret",
  'admin.needAuth.explain': "Abans de donar el secret amb AUTH només funcionen HELP i QUIT.",
  'admin.args.missing': "hi falta un argument: {usage}",
  'admin.args.missing.explain': "L'ordre necessita més arguments.",
  'admin.args.extra': "massa arguments: {usage}",
  'admin.args.extra.explain': "L'ordre porta menys arguments.",
  'admin.tooLong': "línia massa llarga ({octets} octets; com a màxim {limit})",
  'admin.tooLong.explain': "Una línia d'administració té com a màxim {limit} octets; aquesta no s'ha llegit.",
  'admin.cmd.section': "protocol d'administració {section}",
  'admin.cmd.AUTH': "Dona el secret, per fer servir les ordres d'administració.",
  'admin.cmd.HELP': "Demana la llista d'ordres.",
  'admin.cmd.QUIT': "Acaba la connexió d'administració.",
  'admin.cmd.STATS': "Demana les estadístiques des de l'engegada.",
  'admin.cmd.SESSIONS': "Demana les sessions POP3 obertes.",
  'admin.cmd.PROGRESS': "Pregunta per on va cada alumne als exercicis.",
  'admin.cmd.USERS': "Demana els comptes.",
  'admin.cmd.ADDUSER': "Afegeix un compte.",
  'admin.cmd.DELUSER': "Elimina un compte.",
  'admin.cmd.PASSWD': "Canvia la contrasenya d'un compte.",
  'admin.cmd.RELOAD': "Torna a llegir el fitxer de comptes.",
  'admin.cmd.SET': "Canvia un ajust en directe.",
  'admin.cmd.KICK': "Desconnecta una sessió sense UPDATE.",
  'admin.cmd.BROADCAST': "Escriu un missatge en aquest registre.",
  'admin.cmd.masked': "El secret o la contrasenya d'aquesta línia s'amaga al registre.",
  'admin.cmd.hidden': "Una línia que no és cap ordre, abans de donar el secret: s'amaga sencera, perquè podria ser el secret escrit sol.",
  'admin.cmd.unreadable': "El servidor no ha pogut llegir aquesta línia com una ordre.",
  'admin.cmd.unknown': "No és una ordre del protocol d'administració.",
  'ev.admin.connect': "Una connexió d'administració des de {remote} (el protocol d'administració, docs/admin-protocol.md). Primer ha de donar el secret amb AUTH.",
  'ev.admin.auth.ok': "La connexió d'administració des de {remote} ha donat el secret correcte.",
  'ev.admin.auth.wrong': "Un secret d'administració incorrecte des de {remote}.",
  'ev.admin.auth.slowed': "Secret d'administració incorrecte des de {remote} (errors seguits: {failures}): la resposta ha esperat {ms} ms, perquè endevinar-lo sigui lent.",
  'ev.admin.disconnect.quit': "La connexió d'administració ha acabat amb QUIT.",
  'ev.admin.disconnect.client': "El client d'administració ha tancat la connexió.",
  'ev.admin.disconnect.timeout': "La connexió d'administració ha estat inactiva massa estona i s'ha tancat.",
  'ev.admin.disconnect.shutdown': "El servidor s'atura: s'ha tancat la connexió d'administració.",
  'ev.admin.disconnect.error': "La connexió d'administració ha fallat.",
  'ev.admin.disconnect.full': "Massa connexions d'administració: aquesta s'ha rebutjat.",
  'ev.admin.disconnect.endless': "La connexió d'administració ha enviat una línia que no acabava mai i s'ha tancat.",
  'ev.admin.disconnect.kicked': "S'ha tancat la connexió d'administració.",
  'ev.broadcast': "📢 {text}",
  'log.adminMulti': "multilínia: {lines|línia|línies}, i després una línia amb només «.»",

  'banner.admin': "Port d'administració {where}, protegit pel secret de --admin-secret o SMALLPOP3_ADMIN_SECRET:\n    {client}",
  'banner.adminGenerated': "Port d'administració {where}, secret {secret} (creat ara; tria'n un de teu amb --admin-secret o SMALLPOP3_ADMIN_SECRET):\n    SMALLPOP3_ADMIN_SECRET={secret} {client}",
  'banner.adminClient': "smallpop3 admin stats --port {port}{host}",
  'cli.adminNeedsPort': "--admin-host i --admin-secret van amb --admin-port N, que obre el port d'administració",
  'cli.adminSecret': "el secret d'administració ha de tenir entre 8 i 200 caràcters, sense caràcters de control",
  'admin.client.needCommand': "digues quina ordre d'administració vols enviar, per exemple: smallpop3 admin stats (les ordres: {commands})",
  'admin.client.unknown': "no hi ha cap ordre d'administració «{verb}»; les ordres són: {commands}",
  'admin.client.needPort': "digues on és el port d'administració: --port N, o SMALLPOP3_ADMIN_PORT (el text d'inici del servidor el mostra)",
  'admin.client.needSecret': "dona el secret d'administració: SMALLPOP3_ADMIN_SECRET=... (o --secret, que els altres usuaris d'aquesta màquina poden veure a la llista de processos)",
  'admin.client.refused': "no hi ha res escoltant a {host}, port {port}: el servidor està en marxa amb --admin-port {port}?",
  'admin.client.timeout': "no s'ha pogut connectar a {host}, port {port}, en {seconds} segons",
  'admin.client.failed': "no es pot connectar a {host}, port {port} ({reason})",
  'admin.client.closed': "el servidor de {host}, port {port}, ha tancat la connexió abans de respondre",
  'admin.client.noReply': "{host}, port {port}, no ha respost en {seconds} segons",
  'admin.client.notAdmin': "{host}, port {port}, no parla el protocol d'administració (és el port POP3?)",
  'admin.client.refusedBy': "el servidor s'hi ha negat: {text}",
  // la capçalera de cada columna de les taules que mostra smallpop3 admin, pel nom del camp al protocol (docs/admin-protocol.md)
  'admin.column.id': "ID",
  'admin.column.user': "USUARI",
  'admin.column.remote': "ADREÇA",
  'admin.column.state': "ESTAT",
  'admin.column.idle': "INACTIU",
  'admin.column.tls': "TLS",
  'admin.column.in': "ENTRADA",
  'admin.column.out': "SORTIDA",
  'admin.column.commands': "ORDRES",
  'admin.column.last': "ÚLTIM",
  'admin.column.done': "FETS",
  'admin.column.exercise': "EXERCICI",
  'admin.column.step': "PAS",
  'admin.column.errors': "ERRORS",
  'admin.column.stuck': "ENCALLAT",
  'admin.column.sessions': "SESSIONS",
  'admin.column.mailbox': "BÚSTIA",
  'admin.value.true': "sí",
  'admin.value.false': "no",
  'help.admin': `smallpop3 admin ORDRE [ARGUMENTS]: vigila i gestiona un servidor en marxa

Envia una ordre del protocol d'administració (docs/admin-protocol.md) a un
servidor engegat amb --admin-port N, i en mostra la resposta: taules per a
una persona, o JSON amb --json.

Ordres:
  {commands}

Opcions:
  -p, --port N         el port d'administració (per defecte:
                       SMALLPOP3_ADMIN_PORT)
  -H, --host ADREÇA    l'adreça del servidor (per defecte 127.0.0.1)
      --secret SECRET  el secret d'administració (per defecte:
                       SMALLPOP3_ADMIN_SECRET, que és més segur: els altres
                       poden veure una línia d'ordres)
      --json           mostra la resposta en JSON, per a scripts

Exemples:
  SMALLPOP3_ADMIN_SECRET=... smallpop3 admin sessions --port 65100
  smallpop3 admin adduser s31 tulip-42 --port 65100
  smallpop3 admin kick 7 --port 65100

Codi de sortida: 0 si s'ha fet, 1 si el servidor s'hi ha negat (-ERR, o un
secret incorrecte), 2 si hi ha un error d'ús, 3 si no s'ha pogut arribar al
servidor o no ha respost.`,
  // ── la classe: smallpop3 class (lib/classroom.ts) ─────────────────────────
  'class.needStudents': "digues quants alumnes hi ha amb --students N (d'1 a {max}), o dona'n els noms amb --roster FITXER; una de les dues opcions",
  'class.needOut': "digues a quina carpeta s'ha d'escriure la classe amb --out DIR, per exemple: smallpop3 class --students 30 --out lab",
  'class.badPrefix': "l'opció --prefix ha de començar amb una lletra minúscula i contenir només a-z, 0-9, «.», «-» i «_» (com a màxim 16), no «{value}»",
  'class.exists': "{dir} ja conté una classe (hi ha {what}): tornar-la a escriure sobreescriuria el correu i les contrasenyes dels alumnes; tria una altra carpeta amb --out, o afegeix --force per substituir-la",
  'class.inUse': "ara no es pot substituir la classe de {dir}: una sessió de «{user}» té la bústia oberta; tanca-la amb QUIT (o atura el servidor) i torna-ho a executar",
  'class.badFrom': "no es pot fer servir {path} com a bústia d'exemple (--from): {reason}",
  'class.sampleTooBig': "la bústia d'exemple {path} té {octets|octet|octets}; una classe la copia per a cada alumne, així que pot tenir com a màxim {cap|octet|octets}",
  'class.fewMessages': "la bústia d'exemple {path} té {count|missatge|missatges}; els exercicis en necessiten com a mínim {min}",
  'class.roster.unreadable': "no es pot llegir la llista d'alumnes {path} ({reason}); comprova el fitxer que has donat a --roster",
  'class.roster.empty': "la llista d'alumnes {path} no té cap nom: escriu un nom per línia (o un CSV amb el nom a la primera columna o a la columna «name»)",
  'class.roster.emptyName': "{path}:{line}: el nom és buit; escriu-lo, o esborra la línia",
  'class.roster.duplicate': "{path}:{line}: «{name}» ja és a la línia {first}; dos alumnes necessiten dos noms diferents (afegeix-hi una inicial)",
  'class.roster.tooMany': "la llista d'alumnes {path} té {count} noms; una classe en té com a màxim {max}",
  'class.notAClass': "{dir} no conté cap classe feta amb «smallpop3 class» (no hi ha cap class.json llegible): --restore només torna a fer una bústia allà",
  'class.noStudent': "no hi ha cap alumne «{user}» a {dir}/maillist",
  'class.restored': "{user}: la bústia torna a ser com quan es va fer, {count|missatge|missatges} (la contrasenya no ha canviat)",
  'class.note.subject': "Només a la teva bústia: {words}",
  'class.note.body': `Aquest missatge només és a la teva bústia. La bústia del teu company té
altres missatges, en un altre ordre i d'altres mides, així que els teus
números són només teus: quan comparis, fixa't en com funciona POP3, no en
els números.

Unes quantes paraules perquè aquest missatge tingui una mida pròpia:`,
  'class.maillistHeader': `classe de smallpop3 amb {count|alumne|alumnes}, bústies variades amb la llavor {seed} a partir de {from}
usuari contrasenya bústia (les contrasenyes són en clar: no deixis veure aquest fitxer a ningú)`,
  'class.handout.intro': `# Pràctica de POP3: el teu compte

Cada compte d'aquí sota té una bústia pròpia al servidor POP3 de la pràctica.
Els missatges són diferents dels de tothom (altres assumptes, mides i ordre, i
un missatge de més o de menys), així que els teus números a STAT, LIST i UIDL
són només teus. Els exercicis 4, 5 i 11 esborren missatges per sempre, i els
altres llegeixen missatges pel número: fes el 4, el 5 i l'11 al final, en
aquest ordre. Si has esborrat correu massa aviat, el teu professor et pot
tornar la bústia tal com era.`,
  'class.handout.student': `## {heading}

| | |
| --- | --- |
| usuari | \`{user}\` |
| contrasenya | \`{password}\` |
| connexió | \`{telnet}\` (o \`{nc}\`) |

Els exercicis inicien la sessió com a guest (o sam, busy, maria) amb la
contrasenya d'aquell compte; tu, en lloc d'això, escriu \`USER {user}\` i
\`PASS {password}\`.
No diguis a ningú la teva contrasenya.`,
  'class.csvHeader': "usuari,nom,contrasenya,servidor,port,connexió",
  'class.done': `S'ha escrit una classe de {count|alumne|alumnes} a {dir}:
  maillist      els comptes (contrasenyes en clar: només l'has de poder llegir tu)
  mail/         una bústia per alumne ({kind}), variada a partir de {from} amb la llavor {seed}
  handout.md    un compte per secció, per imprimir i retallar
  handout.csv   el mateix, per a un full de càlcul
Serveix-la a la classe amb:  smallpop3 --maillist {maillist} --host 0.0.0.0
La bústia d'un alumne tal com es va fer:  smallpop3 class --out {dir} --restore USUARI`,
  'class.hostGiven': "El full diu que cal connectar-se a {host}, port {port}.",
  'class.hostNetwork': "El full diu que cal connectar-se a {host}, port {port}, l'adreça d'aquesta màquina a la xarxa; si els alumnes hi arriben per una altra, torna-ho a executar amb --host ADREÇA --force (contrasenyes noves) o edita el full.",
  'class.hostPlaceholder': "Aquesta màquina no té cap adreça de xarxa, així que el full diu {host} on va l'adreça del servidor: substitueix-ho a handout.md i handout.csv, o torna-ho a executar amb --host ADREÇA --force.",
  'class.seedChosen': "La llavor s'ha triat a l'atzar: dona --seed {seed} per tornar a fer les mateixes bústies.",
  'help.class': `smallpop3 class: comptes i bústies per a tota una classe

Ús:
  smallpop3 class --students N --out DIR [opcions]
  smallpop3 class --roster FITXER --out DIR [opcions]

Escriu a DIR un fitxer de comptes (maillist) amb un compte per alumne (s01,
s02, ... o un nom de la llista), cadascun amb una contrasenya a l'atzar i una
bústia pròpia, i un full per repartir (handout.md, handout.csv) amb l'usuari,
la contrasenya i com connectar-se. Cada bústia és la de l'exemple, variada a
partir de la llavor: altres assumptes i mides, un altre ordre, un missatge de
més o de menys, perquè els alumnes no es puguin copiar els números; tots els
exercicis continuen funcionant, i «smallpop3 check N --user s01 --maillist
DIR/maillist» jutja els números d'un alumne com a seus.

Opcions:
  --students N        quants alumnes (d'1 a 1000): usuaris s01, s02, ...
  --roster FITXER     en lloc d'això, un CSV de noms, un alumne per línia (la
                      primera columna, o la que porta «name» a dalt); els
                      noms d'usuari es fan a partir dels noms (ASCII, en
                      minúscules, sense repetir-se)
  --prefix TEXT       l'inici dels noms d'usuari numerats (per defecte s)
  --from BÚSTIA       la bústia d'exemple: un fitxer mbox o una carpeta
                      maildir (per defecte: la de l'exemple inclòs, usuari
                      guest); cada alumne en rep una del mateix tipus
  --seed TEXT         a partir de què es varien les bústies: la mateixa
                      llavor fa les mateixes bústies (per defecte: una a
                      l'atzar, que es mostra); les contrasenyes són sempre a
                      l'atzar
  -H, --host ADREÇA   l'adreça on el full diu als alumnes que es connectin
                      (per defecte: la d'aquesta màquina a la xarxa)
  -p, --port N        el port que indica el full (per defecte 65000)
  --out DIR           la carpeta on s'escriu (es crea si cal)
  --force             substitueix una classe que ja és a DIR (no es fa
                      mentre un alumne té una sessió oberta)
  --restore USUARI,...
                      torna a fer les bústies d'aquests alumnes tal com es
                      van fer (la classe de --out DIR; les contrasenyes no
                      canvien): els exercicis 4, 5 i 11 esborren correu per
                      sempre

Després, serveix-la:  smallpop3 --maillist DIR/maillist --host 0.0.0.0`,

  // ── vista web: la vista de la classe en directe al navegador (issue 13) ──
  'banner.web': "Vista de la classe: {url}\n    (en un navegador; entra amb el secret d'administració)",
  'banner.webGenerated': "Vista de la classe: {url}\n    (l'enllaç porta el secret: obre'l en un navegador d'aquesta màquina)",
  'cli.webNeedsPort': "--web-host necessita --web-port: la vista de la classe només s'obre si es demana",
  'web.language': "Català",
  'web.title': "smallpop3: la classe, en directe",
  'web.login.title': "Vista de la classe",
  'web.login.prompt': "Escriu el secret d'administració (el mostra el text d'inici de «smallpop3», o és el --admin-secret que vas triar):",
  'web.login.button': "Obre",
  'web.login.wrong': "Aquest no és el secret. Torna-ho a provar.",
  'web.login.failed': "No s'ha pogut arribar al servidor: {reason}",
  'web.header.connected': "{connected} de {students|alumne connectat|alumnes connectats}",
  'web.header.connections': "{count|connexió oberta|connexions obertes}",
  'web.header.average': "Progrés mitjà: {percent} %",
  'web.header.exercise': "{started} començats, {finished} fets",
  'web.header.notRecorded': "Les sessions no es registren (no hi ha carpeta de transcripcions): no se sap per on van els exercicis.",
  'web.live.lost': "S'ha perdut la connexió amb el servidor; s'hi torna a connectar…",
  'web.col.student': "Alumne",
  'web.col.connected': "Connectat",
  'web.col.exercise': "On és",
  'web.col.done': "Fets",
  'web.col.last': "Última ordre i resposta",
  'web.col.idle': "Inactiu",
  'web.col.errors': "Errors seguits",
  'web.connected.yes': "sí",
  'web.connected.no': "no",
  'web.on': "exercici {exercise}, pas {step}",
  'web.on.exercise': "exercici {exercise}",
  'web.on.allDone': "tot fet",
  'web.on.unknown': "—",
  'web.stuck': "encallat",
  'web.seat': "Lloc {seat}",
  'web.idle.never': "—",
  'web.idle.seconds': "{seconds} s",
  'web.idle.minutes': "{minutes} min {seconds} s",
  'web.idle.hours': "{hours} h {minutes} min",
  'web.projector': "Mode projector",
  'web.projector.off': "Surt del mode projector",
  'web.csv': "Exporta en CSV",
  'web.choose': "Llengua",
  'web.log.title': "Registre de la sessió de {user}",
  'web.log.hint': "Fes clic en un alumne per veure'n la sessió, en directe.",
  'web.log.empty': "Encara res des que s'ha engegat el servidor.",
  'web.log.close': "Tanca",
  'web.csv.user': "usuari",
  'web.csv.done': "exercicis fets",
  'web.csv.exercise': "exercici {number}: {title}",
  'web.csv.finished': "fet",
  'web.csv.step': "pas {step}",

  // ── demostració, reproductor i comprovador de passos ─────────────────────
  'check.skipped': "no està fet, tot i que el pas {later}, que va després, sí; per fer-lo, escriu: {lines}",
  'check.skippedTls': "no està fet, tot i que el pas {later}, que va després, sí; per fer-lo, connecta't amb openssl com mostra l'exercici (telnet no sap parlar TLS) i escriu: {lines}",
  'check.try.line': "aquest pas demana: {line}",
  'check.try.typo': "«{verb}» no és una ordre POP3; aquest pas demana: {line}",
  'check.try.args': "l'ordre és correcta, però amb altres paraules al darrere; aquest pas demana: {line}",
  'check.try.login': "això es fa amb la sessió iniciada; primer inicia la sessió amb USER i PASS, i després escriu: {line}",
  'check.try.beforeLogin': "això es fa abans d'iniciar la sessió; torna't a connectar (una connexió nova comença en l'estat AUTHORIZATION) i escriu: {line}",
  'check.try.newConnection': "això es fa en una connexió a part; obre un altre telnet (o nc) cap al servidor i escriu-hi: {line}",
  'check.try.sameConnection': "això es fa a la mateixa connexió que els passos anteriors; escriu-hi: {line}",
  'cli.unknownOptionOf': "opció desconeguda {option} per a «smallpop3 {command}»; «smallpop3 help {command}» en llista les opcions",

  'demo.needTerminal': "la demostració avança amb el teclat, així que necessita un terminal; executa-la en un terminal, o afegeix --auto perquè es reprodueixi sola (--delay SEGONS en fixa el ritme)",
  'demo.badDelay': "l'opció --delay necessita un nombre de segons entre 0 i 60 (com ara 2 o 0.5), no «{value}»",
  'demo.title': "Demostració de l'exercici {number}: {title}",
  'demo.learn': "**Què ensenya:** {learn}",
  'demo.server': "La demostració té un servidor propi a {where}, que serveix una còpia de {source} feta per a aquesta demostració i esborrada en acabar: el que s'hi esborri no es perd mai.",
  'demo.sourceSample': "l'exemple inclòs",
  'demo.sourceMaillist': "les bústies de {file}",
  'demo.keys': "Retorn o espai: següent    b: un pas enrere    p: escriu una línia    q: surt",
  'demo.keysEnd': "Fi de l'exercici.    b: un pas enrere    p: escriu una línia    q o Retorn: surt",
  'demo.step': "Pas {number} de {total}: {title}",
  'demo.connection': "connexió {label}",
  'demo.connected': "una connexió nova: telnet {host} {port}",
  'demo.closed': "el servidor ha tancat la connexió",
  'demo.expected': "l'exercici mostra: {expected}",
  'demo.bodyDiffers': "les línies d'aquesta resposta no coincideixen amb les que mostra l'exercici",
  'demo.moreLines': "… {count|línia més|línies més}",
  'demo.ownLine': "Una línia teva, a la connexió {label} (Retorn l'envia; una línia buida no envia res): ",
  'demo.back': "Tornem al pas {number}: l'exercici es torna a reproduir des d'una còpia nova de les bústies …",
  'demo.allMatched': "Totes les respostes coincideixen amb l'exercici {number} ({count|resposta|respostes}).",
  'demo.mismatched': "Diferències amb l'exercici {number}: {count|resposta|respostes} de {total}; la primera: pas {step}, {line}: {problem}",
  'demo.mismatchStatus': "el servidor ha respost «{answered}» i l'exercici mostra «{expected}»",
  'demo.mismatchBody': "les línies de la resposta no coincideixen amb les que mostra l'exercici",
  'demo.failed': "la demostració s'ha aturat al pas {step}: {reason}",
  // les fallades del reproductor d'exercicis, que aturen una demostració (el motiu de demo.failed)
  'player.refused': "no hi ha res escoltant a {host}, port {port}: el servidor està en marxa?",
  'player.connectFailed': "no es pot connectar a {host}, port {port} ({reason})",
  'player.noConnection': "no s'ha pogut connectar a {host}, port {port}, en {ms} ms",
  'player.noTlsPort': "la connexió {label} de l'exercici va al port TLS (POP3S), i el servidor no en té",
  'player.noReply': "el servidor no ha respost en {ms} ms",
  'player.noBodyEnd': "la resposta multilínia no ha acabat (amb una línia amb només «.») en {ms} ms",
  'player.noClose': "el servidor no ha tancat la connexió en els {ms} ms següents a QUIT",
  'player.noEvent': "el servidor no ha notificat cap esdeveniment {event} en {ms} ms",
  'player.closed.reply': "el servidor ha tancat la connexió abans de respondre",
  'player.closed.body': "el servidor ha tancat la connexió abans del final de la resposta multilínia",
  'player.afterStls': "el servidor ha enviat {octets|octet|octets} després del +OK de STLS, abans de començar el TLS",
  'player.noHandshake': "la negociació TLS no ha acabat en {ms} ms",
  'player.tlsFailed': "la negociació TLS ha fallat ({reason})",
  'player.fingerprint': "el certificat del servidor té l'empremta {seen}, no {expected}",
  'demo.bytes.sent': "enviat: {octets|octet|octets}",
  'demo.bytes.status': "línia d'estat: {octets|octet|octets} amb el CRLF",
  'demo.bytes.body': "cos: {lines|línia|línies}, {wire|octet|octets} a la xarxa: {octets|octet|octets} de text, {stuffed|punt afegit|punts afegits} pel dot-stuffing i els 3 octets de l'última línia, «.␍␊»",
  'demo.bytes.stuffed': "← s'hi ha afegit un «.»: la línia comença amb «.»",
  'demo.bytes.end': "← el final de la resposta",
  'help.demo': `smallpop3 demo [EXERCICI]: reprodueix un exercici per a una classe, pas a pas

Engega un servidor propi i reprodueix l'exercici (per defecte, l'exercici 1)
com un client amb guió, un intercanvi cada vegada: la línia escrita, la
resposta del servidor, què vol dir cadascuna i l'estat abans i després, amb
el text de l'exercici entre els passos. Treballa sobre una còpia de treball
de les bústies i la restaura en acabar, així que una demostració que esborra
correu es pot tornar a mostrar.

Tecles:
  Retorn o espai   l'intercanvi següent
  b                un pas enrere (l'exercici es torna a reproduir des d'una
                   còpia nova)
  p                pausa per escriure una línia pròpia a la mateixa sessió
  q o Ctrl-C       acaba

Opcions:
  -p, --port N          port TCP del servidor de la demostració (per defecte
                        65000; 0 en tria un de lliure)
  -H, --host ADREÇA     adreça on escoltar (per defecte 127.0.0.1)
  -m, --maillist FITXER treballa sobre una còpia de les bústies d'aquests
                        comptes (per defecte: l'exemple inclòs)
      --auto            es reprodueix sola, sense tecles (també sense
                        terminal)
      --delay SEGONS    amb --auto, la pausa abans de cada intercanvi (per
                        defecte 2; 0 per no fer-ne)
      --bytes           mostra els bytes tal qual: el CRLF com a ␍␊, els
                        octets de cada resposta, les línies amb el punt
                        doblat
      --lang LLENGUA    llengua de l'exercici, de les respostes del servidor
                        i de les explicacions: {languages}

Codi de sortida: 0 en acabar (amb --auto, només si totes les respostes
coincideixen amb l'exercici), 1 si una resposta no coincideix (--auto) o la
demostració falla, 2 si hi ha un error d'ús, 130 després de Ctrl-C.`,

  // ── la guia ──────────────────────────────────────────────────────────────
  'exercise.badAccept': "pas {step}: **S'accepta:** indica «{accept}», que no és cap de les **Opcions:**",
  'guide.needTerminal': "la guia és interactiva, així que necessita un terminal: executa-la en un terminal; o fes l'exercici amb telnet amb «smallpop3» en marxa i comprova la feina amb: smallpop3 check {number}",
  'guide.menu': "Quin exercici? (✔ fet a les sessions registrades)",
  'guide.menuDone': "✔ {number}. {title}",
  'guide.menuTodo': "  {number}. {title}",
  'guide.server': "El teu servidor escolta al port {port} i serveix {source}; totes les sessions es registren, així que «smallpop3 check» veu la teva feina.",
  'guide.sourceSample': "una còpia de treball de les bústies d'exemple («smallpop3 reset» la restaura)",
  'guide.sourceMaillist': "els comptes de {file}",
  'guide.connect': "En un segon terminal, escriu:  {telnet}",
  'guide.connectTls': "Per TLS (el port POP3S):  {command}",
  'guide.connectAlt': "(no tens telnet? {nc} fa el mateix)",
  'guide.title': "Exercici {number}: {title}",
  'guide.learn': "**Què aprendràs:** {learn}",
  'guide.step': "Pas {number} de {total}: {title}",
  'guide.type': "Escriu al telnet:",
  'guide.typeNew': "Escriu en una connexió telnet nova (deixa l'altra oberta):",
  'guide.typeConnect': "Connecta't des d'un segon terminal:",
  'guide.typeStls': "telnet no sap parlar TLS: connecta't amb openssl s_client -starttls pop3, com mostra l'exercici a dalt (openssl envia STLS per tu), i després escriu:",
  'guide.typeTls': "Amb TLS des del primer byte, que telnet no sap fer: connecta't al port TLS amb openssl s_client -connect, com mostra l'exercici a dalt (o amb el client que indica), i després escriu:",
  'guide.keys': "T'espero al telnet …    h: pista    q: surt",
  'guide.keysTls': "T'espero a l'openssl …    h: pista    q: surt",
  // la línia de tecles sota una tria: les fletxes mouen, Retorn tria
  'guide.choice.navigate': "canvia d'opció",
  'guide.choice.select': "tria",
  'guide.connected': "una connexió nova (sessió {session})",
  'guide.disconnected': "s'ha tancat la sessió {session}",
  'guide.restarted': "La connexió s'ha tancat abans d'acabar el pas {step}: el pas torna a començar, en una connexió nova.",
  'guide.miss': "Encara no has fet aquest pas: {advice}",
  'guide.done': "✔ Pas {number} fet.",
  'guide.hint.connect': "Pista: el pas comença amb una connexió nova al servidor, des d'un terminal a part.",
  'guide.hint.verb': "Pista: la línia següent és una ordre de {length} lletres que comença per «{initial}»{args}.",
  'guide.hint.args': ", seguida de {count|argument|arguments}",
  'guide.hint.exact': "Escriu exactament: {line}",
  'guide.hint.exactNew': "Escriu exactament, en una connexió nova (telnet o nc; deixa l'altra oberta): {line}",
  'guide.hint.none': "Aquesta és tota l'ajuda que hi ha: la línia d'aquí dalt és la que has d'escriure.",
  'guide.question': "Pregunta: {question}",
  'guide.typeAnswer': "La teva resposta:",
  'guide.right': "✔ Correcte.",
  'guide.wrong': "✘ No del tot.",
  'guide.ungraded': "Pensa-hi i després llegeix la resposta:",
  'guide.answer': "**Resposta:** {answer}",
  'guide.noExchange': "En aquest pas no cal escriure res: llegeix-lo i continua.",
  'guide.summary': "Exercici {number} acabat: {done} de {total} passos, {right} de {asked} preguntes encertades.",
  'guide.summaryNoQuestions': "Exercici {number} acabat: {done} de {total} passos.",
  'guide.taught': "**Què has après:** {learn}",
  'guide.nextIs': "Següent: exercici {number}, {title}.",
  'guide.last': "Aquest era l'últim exercici.",
  'guide.goOn': "Continua amb l'exercici {number}: {title}",
  'guide.leave': "Surt de la guia",
  'guide.whatNow': "I ara què? (el servidor continua en marxa fins que surtis)",
  'guide.bye': "La guia ha aturat el seu servidor: les sessions obertes s'han tancat sense UPDATE.",
  'help.guide': `smallpop3 guide [EXERCICI]: fes un exercici amb un tutor

Engega un servidor propi i et guia per un exercici, pas a pas: què has de
fer i per què, i les línies que has d'escriure al telnet. Vigila el
servidor, així que avança tot sol quan has fet el pas des del teu telnet, et
mostra la resposta del servidor explicada i, si has escrit una altra cosa,
et diu què ha fallat i què pots provar. Després et fa les preguntes de
l'exercici. Sense EXERCICI, mostra un menú dels exercicis, amb ✔ als que ja
has fet.

Les sessions es registren com les registra «smallpop3», així que
«smallpop3 check N» veu la teva feina.

Tecles mentre t'espera:
  h             una pista; un altre cop: la línia exacta que has d'escriure
  q             surt (també Ctrl-C)

Opcions:
  -p, --port N          port TCP del seu servidor (per defecte 65000; 0 en
                        tria un de lliure)
  -H, --host ADREÇA     adreça on escoltar (per defecte 127.0.0.1)
  -m, --maillist FITXER fitxer de comptes, com al servidor (per defecte:
                        ./maillist si n'hi ha; si no, la còpia de treball de
                        l'exemple)
      --transcripts DIR on registrar les sessions (per defecte, com al
                        servidor)
      --lang LLENGUA    llengua de l'exercici, de les respostes del servidor
                        i de les explicacions: {languages}

Necessita un terminal; si no n'hi ha, fes l'exercici amb telnet contra
«smallpop3» i executa «smallpop3 check N».

Codi de sortida: 0 quan surts, 1 si hi ha una fallada (un port ocupat), 2 si
hi ha un error d'ús o no hi ha terminal, 130 després de Ctrl-C.`,
}

export default ca
