/**
 * Español: todo lo que smallpop3 muestra a una persona. Las claves que acaban
 * en ".explain" son la explicación del registro para la respuesta o el evento
 * de la misma clave; "cmd.*" explican qué pide un comando; "cli.*" y "banner.*"
 * son las de la línea de comandos. Mismas claves, en el mismo orden, que en.ts.
 */
import type { Catalogue } from './index.js'

const es: Catalogue = {
  // ── saludo y respuestas: el texto tras +OK / -ERR en la conexión ─────────
  'greeting': 'servidor POP3 smallpop3 listo {stamp}',
  'greeting.explain': 'El servidor saluda con +OK: la sesión empieza en el estado AUTHORIZATION. La parte <...> es una marca de tiempo que usa el inicio de sesión con APOP (RFC 1939 §4, §7).',

  'user.ok': 'hola, {user}; ahora envía tu contraseña con PASS',
  'user.ok.explain': 'El buzón "{user}" existe. El servidor espera PASS con su contraseña.',
  'user.unknown': 'aquí no hay ningún buzón "{user}"; revisa cómo lo has escrito (se distinguen mayúsculas y minúsculas)',
  'user.unknown.explain': 'No hay ninguna cuenta "{user}" en el archivo de cuentas (maillist). [AUTH] indica un problema con el nombre o la contraseña (RFC 3206).',

  'pass.noUser': 'envía primero USER con tu nombre y después PASS',
  'pass.noUser.explain': 'PASS tiene que ir justo después de un USER que el servidor haya aceptado (RFC 1939 §7).',
  'pass.wrong': 'contraseña incorrecta para "{user}"; empieza de nuevo con USER y después PASS',
  'pass.wrong.explain': 'La contraseña no coincide. La sesión sigue en AUTHORIZATION y el cliente tiene que enviar USER otra vez. [AUTH] indica un problema con las credenciales (RFC 3206).',

  'apop.wrong': 'nombre o resumen incorrectos para "{user}"',
  'apop.wrong.explain': 'APOP ha fallado: el resumen (digest) tiene que ser el MD5 de la marca de tiempo <...> del saludo seguida de la contraseña, en hexadecimal y en minúsculas (RFC 1939 §7).',

  'auth.list': 'siguen los mecanismos SASL: {list}',
  'auth.list.explain': 'AUTH sin argumentos muestra las formas de iniciar sesión con AUTH (los mecanismos SASL), una por línea. CAPA también las muestra, en su línea SASL (RFC 5034).',
  'auth.unknown': 'este servidor no ofrece el mecanismo SASL "{mechanism}"; ofrece {list}',
  'auth.unknown.explain': 'AUTH nombra un mecanismo SASL; este servidor solo conoce {list}. Envía AUTH sin argumentos, o CAPA, para ver la lista (RFC 5034 §4).',
  'auth.noMechanism': 'tras AUTH va primero un mecanismo y después las credenciales: AUTH PLAIN y el base64',
  'auth.noMechanism.explain': 'La palabra que sigue a AUTH es el nombre de un mecanismo SASL (aquí, {list}), y detrás van las credenciales en base64: AUTH PLAIN AGd1ZXN0AHZpc2l0b3I=. El registro muestra lo escrito enmascarado, porque unas credenciales en base64 revelan la contraseña (RFC 5034 §4).',
  'auth.continue': 'adelante: envía las credenciales en base64, o * para cancelar',
  'auth.continue.explain': '"+ " pide al cliente que siga: el servidor espera la línea siguiente, que no es un comando sino las credenciales en base64 (para PLAIN: nada, un byte NUL, el usuario, un byte NUL, la contraseña). Una línea que solo contiene * cancela (RFC 5034 §4).',
  'auth.cancelled': 'AUTH cancelado; inicia sesión de nuevo cuando quieras',
  'auth.cancelled.explain': 'El cliente ha enviado * en lugar de las credenciales, y eso cancela AUTH (RFC 5034 §4). La sesión sigue en AUTHORIZATION: se puede volver a probar cualquier forma de iniciar sesión.',
  'auth.notBase64': 'las credenciales no están en base64 válido; no se ha comprobado nada',
  'auth.notBase64.explain': 'AUTH PLAIN espera las credenciales en base64 (letras, cifras, + y /, completadas con = hasta un múltiplo de 4 caracteres). Puedes generarlas con: printf \'\\0guest\\0visitor\' | base64. La sesión sigue en AUTHORIZATION (RFC 5034 §4).',
  'auth.notPlain': 'las credenciales se decodifican, pero no tienen la forma nombre, NUL, usuario, NUL, contraseña',
  'auth.notPlain.explain': 'Las credenciales PLAIN son tres partes separadas por bytes NUL: la identidad con la que actuar (normalmente vacía), el usuario y la contraseña (RFC 4616 §2). Puedes generarlas con: printf \'\\0guest\\0visitor\' | base64. La sesión sigue en AUTHORIZATION.',
  'auth.authzid': '"{user}" no puede iniciar sesión como "{authzid}": deja vacía la primera parte',
  'auth.authzid.explain': 'La primera parte de las credenciales PLAIN dice en nombre de quién se actúa. Este servidor solo deja que cada usuario actúe como sí mismo, así que tiene que estar vacía o ser el nombre del propio usuario (RFC 4616 §2). La contraseña no se ha comprobado; la sesión sigue en AUTHORIZATION.',
  'auth.wrong': 'nombre o contraseña incorrectos para "{user}"',
  'auth.wrong.explain': 'El usuario o la contraseña de las credenciales PLAIN no son correctos. La sesión sigue en AUTHORIZATION. [AUTH] indica un problema con las credenciales (RFC 3206).',

  'stls.ok': 'empieza la negociación TLS',
  'stls.ok.explain': 'El servidor ha aceptado: ahora el cliente inicia la negociación TLS (el handshake), y todo lo que venga después irá cifrado. Lo que el cliente haya enviado tras STLS y antes de la negociación se descarta (RFC 2595 §4). Cuando TLS esté activo, envía CAPA otra vez: lo que ofrece el servidor cambia (STLS ya no aparece).',
  'stls.already': 'esta conexión ya está cifrada (TLS)',
  'stls.already.explain': 'STLS convierte una conexión sin cifrar en una conexión TLS; esta ya está cifrada, así que no hay nada que hacer (RFC 2595 §4).',
  'stls.unavailable': 'este servidor no tiene certificado, así que no puede iniciar TLS',
  'stls.unavailable.explain': 'TLS necesita un certificado, y este servidor se ha arrancado sin ninguno. El comando smallpop3 siempre tiene uno (el suyo propio, o el de --cert y --key); un programa que arranca el servidor por su cuenta tiene que darle uno.',
  'stls.loggedIn': 'STLS va antes de iniciar sesión: la contraseña ya se ha enviado',
  'stls.loggedIn.explain': 'TLS se inicia antes de USER, PASS o AUTH, para que la contraseña nunca viaje sin cifrar (RFC 2595 §4). Envía QUIT, vuelve a conectarte y envía STLS lo primero.',
  'tls.required': 'aquí {verb} necesita una conexión cifrada: envía antes STLS o conéctate al puerto TLS',
  'tls.required.explain': 'Este servidor solo acepta contraseñas por TLS (--require-tls), para que nadie en la red pueda leerlas. Envía STLS para cifrar esta conexión y después inicia sesión; o conéctate al puerto POP3S con openssl s_client.',

  'login.ok': '{user} tiene {count|mensaje|mensajes} ({octets|octeto|octetos})',
  'login.ok.explain': 'Sesión iniciada. Ahora el buzón está bloqueado para esta sesión y el estado es TRANSACTION: {count|mensaje|mensajes}, {octets|octeto|octetos} en total.',
  'login.inUse': 'el buzón de "{user}" ya está abierto en otra sesión; ciérrala con QUIT y vuelve a intentarlo',
  'login.inUse.explain': 'Solo una sesión a la vez puede abrir un buzón: el servidor lo bloquea al iniciar sesión (RFC 1939 §4). [IN-USE] indica al cliente que la contraseña era correcta, pero que otra sesión tiene el bloqueo (RFC 2449 §8.1.2).',
  'login.failed': 'no se puede abrir el buzón de "{user}": {reason}',
  'login.failed.explain': 'La contraseña era correcta, pero no se ha podido leer el buzón. [SYS/PERM] indica un problema del servidor que tiene que arreglar su administrador; [SYS/TEMP], uno que puede desaparecer si el cliente vuelve a intentarlo más tarde (RFC 3206).',

  'quit.auth': 'adiós',
  'quit.auth.explain': 'La sesión termina desde el estado AUTHORIZATION: no se ha cambiado nada (RFC 1939 §6).',
  'quit.update': 'adiós',
  'quit.update.explain': 'La sesión pasa al estado UPDATE.',
  'quit.done': 'adiós (borrados: {deleted}; quedan: {left})',
  'quit.done.explain': 'QUIT en TRANSACTION pasa al estado UPDATE: el servidor ha eliminado {deleted|mensaje marcado|mensajes marcados} con DELE y ha conservado {left}. Después se cierra la conexión (RFC 1939 §6).',
  'quit.none': 'adiós: no se ha borrado nada ({left|mensaje|mensajes} en el buzón)',
  'quit.none.explain': 'QUIT en TRANSACTION pasa al estado UPDATE, pero no había ningún mensaje marcado con DELE, así que el buzón no cambia. Después se cierra la conexión (RFC 1939 §6).',
  'quit.failed': 'no se ha podido actualizar el buzón ({reason}); no se ha borrado nada',
  'quit.failed.explain': 'UPDATE ha fallado, así que el buzón se ha quedado exactamente como estaba: no se ha eliminado ningún mensaje (RFC 1939 §6).',
  'quit.unfinished': 'la actualización se ha detenido a medias ({reason}); el próximo inicio de sesión la terminará',
  'quit.unfinished.explain': 'Algunos de los mensajes marcados con DELE ya se han eliminado y otros todavía no. Antes de empezar, el servidor anotó lo que tenía que hacer, así que el próximo inicio de sesión (o el próximo arranque del servidor) termina el trabajo (RFC 1939 §6).',

  'stat.ok': '{count} {octets}',
  'stat.ok.explain': '{count|mensaje|mensajes}, {octets|octeto|octetos} en total. Los mensajes marcados con DELE no se cuentan (RFC 1939 §5).',

  'list.all': '{count|mensaje|mensajes} ({octets|octeto|octetos})',
  'list.all.explain': 'Una línea por mensaje: su número y su tamaño en octetos; los mensajes borrados no aparecen. La lista termina con una línea que solo contiene "." (RFC 1939 §5).',
  'list.one': '{n} {size}',
  'list.one.explain': 'El mensaje {n} ocupa {size|octeto|octetos} (RFC 1939 §5).',

  'retr.ok': '{size} octetos',
  'retr.ok.explain': 'A continuación va el mensaje {n}: las cabeceras, una línea en blanco y el cuerpo. Ocupa {size|octeto|octetos}, contados con finales de línea CRLF y antes del dot-stuffing (RFC 1939 §5, §11).',

  'dele.ok': 'mensaje {n} borrado',
  'dele.ok.explain': 'El mensaje {n} solo queda marcado para borrar: desaparece ya de LIST y RETR, y se elimina de verdad después de QUIT. RSET lo recuperaría (RFC 1939 §5).',
  'dele.already': 'el mensaje {n} ya está borrado',
  'dele.already.explain': 'El mensaje {n} ya estaba marcado con DELE en esta sesión; marcarlo otra vez no cambia nada. Se elimina después de QUIT, a menos que antes RSET le quite la marca.',

  'noop.ok': '',
  'noop.ok.explain': 'NOOP no hace nada; el servidor solo responde +OK (RFC 1939 §5).',

  'rset.ok': 'el buzón tiene {count|mensaje|mensajes} ({octets|octeto|octetos})',
  'rset.ok.explain': 'RSET ha quitado la marca de DELE a {restored|mensaje|mensajes}: todos los mensajes vuelven a estar ahí (RFC 1939 §5).',

  'top.ok': 'siguen las cabeceras y hasta {lines|línea|líneas} del cuerpo del mensaje {n}',
  'top.ok.explain': 'TOP envía las cabeceras del mensaje {n}, la línea en blanco y después como mucho {lines|línea|líneas} del cuerpo; un cuerpo más corto se envía entero (RFC 1939 §7).',
  'top.headers': 'siguen solo las cabeceras del mensaje {n}',
  'top.headers.explain': 'TOP {n} 0 envía las cabeceras del mensaje {n} y la línea en blanco que las cierra, pero ninguna línea del cuerpo (RFC 1939 §7).',
  'top.badLines': '"{arg}" no es un número de líneas; TOP {n} 0 muestra solo las cabeceras',
  'top.badLines.explain': 'TOP necesita dos números: el del mensaje y cuántas líneas del cuerpo mostrar.',

  'uidl.all': 'siguen los identificadores únicos',
  'uidl.all.explain': 'Una línea por mensaje: su número y su identificador único. El identificador es el mismo en todas las sesiones, así que un cliente puede saber qué mensajes ya ha descargado (RFC 1939 §7).',
  'uidl.one': '{n} {uid}',
  'uidl.one.explain': 'El identificador único del mensaje {n} es {uid}; será el mismo en la próxima sesión (RFC 1939 §7).',

  'capa.ok': 'sigue la lista de capacidades',
  'capa.ok.explain': 'CAPA enumera las capacidades de este servidor, una por línea: comandos opcionales, extensiones y formas de comportarse (RFC 2449 §5, §6).',

  // issue 11: LANG del RFC 6856. lang.ok empieza por {tag}, la etiqueta del idioma elegido, que el RFC 6856 §3 quiere al principio
  'lang.list': 'sigue la lista de idiomas',
  'lang.list.explain': 'LANG sin argumentos muestra los idiomas en los que puede responder este servidor, uno por línea: la etiqueta del idioma y su nombre en ese idioma. LANG y una etiqueta (como LANG ca) cambia esta sesión a ese idioma (RFC 6856 §3).',
  'lang.ok': '{tag} Idioma cambiado: a partir de ahora, esta sesión responde en español',
  'lang.ok.explain': 'Esta sesión usa ahora el idioma {tag}: desde este momento, el texto que va tras +OK y -ERR y las explicaciones del registro para esta sesión están en ese idioma. Las demás sesiones mantienen el suyo. La respuesta empieza por la etiqueta del idioma elegido (RFC 6856 §3).',
  'lang.unknown': 'aquí no hay ningún idioma "{tag}"; este servidor tiene estos idiomas: {list}',
  'lang.unknown.explain': 'LANG indica un idioma por su etiqueta (RFC 5646), como es o ca-ES; este servidor tiene {list}. Tras -ERR, la sesión sigue en el idioma que tenía (RFC 6856 §3).',

  'msg.none': 'no existe el mensaje {n}: el buzón tiene {total|mensaje|mensajes}',
  'msg.none.explain': 'Los mensajes se numeran del 1 al {total}; los números no cambian en toda la sesión.',
  'msg.zero': 'no existe el mensaje 0: los mensajes se numeran del 1 al {total}',
  'msg.zero.explain': 'POP3 numera los mensajes desde el 1, no desde el 0 (RFC 1939 §4).',
  'msg.emptyDrop': 'no existe el mensaje {arg}: el buzón está vacío',
  'msg.emptyDrop.explain': 'Este buzón no tiene ningún mensaje, así que ningún número de mensaje es válido.',
  'msg.notNumber': '"{arg}" no es un número de mensaje; usa un número del 1 al {total}',
  'msg.notNumber.explain': 'Un número de mensaje se escribe solo con cifras, como 1 o 12.',
  'msg.gone': 'otro programa ha quitado el mensaje {n} del buzón; los demás siguen ahí',
  'msg.gone.explain': 'Otro lector de correo ha borrado o movido el archivo del mensaje mientras esta sesión estaba abierta. [SYS/TEMP] indica un problema del lado del servidor.',
  'msg.unreadable': 'no se puede leer el mensaje {n}: {reason}',
  'msg.unreadable.explain': 'El servidor no ha podido leer el mensaje del disco. [SYS/TEMP] indica un problema del lado del servidor.',
  'msg.deleted': 'el mensaje {n} está borrado; RSET lo recupera',
  'msg.deleted.explain': 'El mensaje {n} se ha marcado para borrar con DELE en esta sesión, y un mensaje marcado no se puede descargar (RFC 1939 §5). Sigue en el buzón hasta QUIT: RSET le quita la marca y RETR vuelve a funcionar.',
  'msg.deleted.top': 'el mensaje {n} está borrado; RSET lo recupera',
  'msg.deleted.top.explain': 'El mensaje {n} se ha marcado para borrar con DELE en esta sesión, y TOP rechaza un mensaje marcado, igual que RETR (RFC 1939 §7). Sigue en el buzón hasta QUIT: RSET le quita la marca.',
  'msg.deleted.list': 'el mensaje {n} está borrado; RSET lo recupera',
  'msg.deleted.list.explain': 'El mensaje {n} se ha marcado para borrar con DELE en esta sesión, y LIST deja fuera los mensajes marcados (RFC 1939 §5). Sigue en el buzón hasta QUIT, con su número: RSET le quita la marca y LIST lo vuelve a mostrar.',
  'msg.deleted.uidl': 'el mensaje {n} está borrado; RSET lo recupera',
  'msg.deleted.uidl.explain': 'El mensaje {n} se ha marcado para borrar con DELE en esta sesión, y UIDL deja fuera los mensajes marcados (RFC 1939 §7). Su identificador único no ha cambiado: RSET le quita la marca y UIDL lo vuelve a mostrar; después de QUIT se elimina.',

  'server.bug': 'el servidor ha fallado con este comando ({reason}); la sesión continúa',
  'server.bug.explain': 'Esto es un fallo de smallpop3, no un error tuyo: por favor, comunícalo junto con el comando que lo ha provocado.',
  'server.full': 'el servidor está lleno: atiende como mucho {limit|conexión|conexiones} a la vez; vuelve a intentarlo dentro de un momento',
  'server.full.explain': 'El servidor ya tiene {limit|conexión abierta|conexiones abiertas}, tantas como atiende a la vez (--max-connections), así que a esta le ha respondido -ERR y la ha cerrado; los que ya estaban conectados siguen igual que antes. [SYS/TEMP] indica al cliente que el problema está en el servidor y que es pasajero (RFC 3206).',
  'line.empty': 'línea vacía: escribe un comando, por ejemplo CAPA',
  'line.empty.explain': 'El cliente ha enviado una línea vacía; cada línea de POP3 lleva un comando.',
  'line.spaces': 'la línea solo tiene espacios: escribe un comando, por ejemplo CAPA',
  'line.spaces.explain': 'El cliente ha enviado espacios y nada más. Cada línea de POP3 lleva un comando; los espacios solo separan sus palabras (RFC 1939 §3).',
  'line.leadingSpace': 'la línea empieza por un espacio: escribe el comando justo al principio de la línea',
  'line.leadingSpace.explain': 'Una línea de POP3 empieza por el propio comando, como STAT o LIST 1; un espacio solo va entre el comando y sus argumentos (RFC 1939 §3).',
  'line.tab': 'la línea tiene un tabulador en la columna {column}: separa las palabras con un espacio, no con un tabulador',
  'line.tab.explain': 'Un tabulador no es un espacio: POP3 separa el comando de sus argumentos con exactamente un espacio (RFC 1939 §3). Vuelve a escribir la línea con un espacio donde estaba el tabulador.',
  'line.control': 'la línea tiene un carácter de control ({name}) en la columna {column}; vuelve a escribirla sin corregir nada',
  'line.control.explain': 'Tu terminal ha enviado la tecla como un byte en lugar de corregir la línea, así que el servidor la recibe como parte del comando. Vuelve a escribir la línea entera sin corregirla, o pasa telnet al modo línea (pulsa Ctrl-] y escribe "mode line"), donde la tecla de retroceso corrige la línea antes de enviarla.',
  'line.tooLong': 'línea demasiado larga ({octets} octetos): una línea de comando tiene como mucho 255',
  'line.tooLong.explain': 'El RFC 2449 §4 limita una línea de comando a 255 octetos, CRLF incluido. La línea se ha ignorado; la sesión continúa.',
  'line.endless': '{octets} octetos sin final de línea: una línea de comando tiene como mucho 255, así que el servidor cierra la conexión',
  'line.endless.explain': 'Una línea de comando termina cuando pulsas Intro (CRLF) y tiene como mucho 255 octetos (RFC 2449 §4). El cliente ha enviado {octets|octeto|octetos} sin terminar ninguna línea, más de los {limit|octeto|octetos} que el servidor lee antes de darse por vencido, así que ha cerrado la conexión sin UPDATE: no se ha borrado nada.',
  'telnet.cut': 'tu telnet ha enviado los bytes 255 250 (una subnegociación), que este servidor nunca ha pedido, y lo que venía detrás ({octets} octetos) se ha descartado; vuelve a escribir tu último comando',
  'telnet.cut.explain': 'El byte 255 inicia un comando de telnet (RFC 854), y 255 250, una subnegociación (RFC 855), que solo puede ir detrás de una opción que las dos partes hayan aceptado; este servidor no acepta ninguna opción que la tenga. Buscando su final (255 240), el servidor se ha saltado {octets|octeto|octetos}, hasta el final de la línea y como mucho 64, y después ha vuelto a leer comandos: lo que se escribió ahí se ha perdido, y la sesión continúa.',

  'verb.unknown': 'comando desconocido "{verb}"; CAPA muestra lo que admite este servidor',
  'verb.unknown.explain': 'Los comandos de POP3 tienen tres o cuatro letras, como USER, STAT, LIST, RETR, TOP o QUIT (RFC 1939 §3).',
  'verb.unsupported': 'este servidor no admite {verb} ({what}); CAPA muestra lo que sí admite',
  'verb.unsupported.explain': '{verb} es un comando de POP3 que existe, pero este servidor no lo ofrece. Un cliente debería enviar primero CAPA y usar solo lo que aparezca en la lista (RFC 2449).',
  'verb.removed': '{verb} ya no forma parte de POP3 ({what})',
  'verb.removed.explain': '{verb} era un comando de una versión antigua de POP3. El RFC 1939, el POP3 actual, no lo incluye, así que ningún servidor tiene por qué ofrecerlo.',
  'verb.unknownGuess': 'comando desconocido "{verb}" (¿querías decir {guess}?)',
  'verb.unknownGuess.explain': '"{verb}" no es un comando de POP3; el más parecido es {guess}.',

  'args.spaces': 'separa {verb} y sus argumentos con un solo espacio: {usage}',
  'args.spaces.explain': 'Los argumentos de POP3 se separan con exactamente un espacio (RFC 1939 §3).',
  'args.missing': '{verb} necesita un argumento: {usage} (por ejemplo, {example})',
  'args.missing.explain': 'El comando se escribe así: {usage}.',
  'args.extra': 'demasiados argumentos: {usage} (por ejemplo, {example})',
  'args.extra.explain': 'El comando se escribe así: {usage}.',
  // cómo se escribe un comando con argumentos, para las respuestas de arriba: el comando tal cual, los argumentos en palabras
  'usage.USER': 'USER nombre',
  'usage.PASS': 'PASS contraseña',
  'usage.APOP': 'APOP nombre resumen',
  'usage.AUTH': 'AUTH PLAIN [credenciales en base64]',
  'usage.LIST': 'LIST [número]',
  'usage.RETR': 'RETR número',
  'usage.DELE': 'DELE número',
  'usage.TOP': 'TOP número líneas',
  'usage.UIDL': 'UIDL [número]',
  'usage.LANG': 'LANG [idioma]',

  'state.needLogin': '{verb} es un comando del estado TRANSACTION; inicia sesión primero con USER y PASS',
  'state.needLogin.explain': 'Antes de iniciar sesión, la sesión está en el estado AUTHORIZATION, donde solo se permiten USER, PASS, APOP, AUTH, STLS, CAPA, LANG y QUIT (RFC 1939 §4, RFC 2449 §5).',
  'state.loggedIn': '{verb} es un comando del estado AUTHORIZATION, y ya has iniciado sesión',
  'state.loggedIn.explain': 'Después de iniciar sesión correctamente, la sesión está en el estado TRANSACTION; para entrar como otro usuario, envía QUIT y vuelve a conectarte.',

  // ── qué pide un comando (la explicación de una línea del cliente) ────────
  'cmd.USER': 'Indica qué buzón se quiere abrir: "{a0}". Después tiene que ir PASS con su contraseña.',
  'cmd.PASS': 'La contraseña de "{user}", el usuario indicado en el USER anterior.',
  'cmd.PASS.noUser': 'Una contraseña, pero antes no se ha aceptado ningún USER: primero van USER y el nombre, y después PASS.',
  'cmd.PASS.tls': 'Esta sesión está cifrada (TLS), así que quien observe la red no puede leer la contraseña; el servidor sí la ve.',
  'cmd.PASS.clear': 'La contraseña viaja en texto claro: cualquiera que pueda observar la red la lee. APOP inicia sesión sin enviarla; TLS cifra toda la conexión.',
  'cmd.PASS.masked': 'Aquí la contraseña aparece enmascarada (--show-secrets la muestra); las transcripciones nunca la guardan.',
  'cmd.masked': 'Parte de esta línea puede ser una contraseña (un PASS mal escrito, o palabras escritas después de USER), así que se muestra como ********. Para iniciar sesión, envía USER y el nombre, y después PASS y la contraseña, cada uno en su propia línea. --show-secrets la muestra en el registro; las transcripciones nunca la guardan.',
  'cmd.APOP': 'Inicia sesión como "{a0}" sin enviar la contraseña: {a1} es el MD5 de la marca de tiempo del saludo seguida de la contraseña.',
  'cmd.AUTH': 'Pregunta qué mecanismos SASL ofrece AUTH.',
  'cmd.AUTH.one': 'Empieza a iniciar sesión con el mecanismo SASL {a0}: el servidor responde "+ " y espera las credenciales en la línea siguiente.',
  'cmd.AUTH.two': 'Inicia sesión con el mecanismo SASL {a0}, con las credenciales (en base64) en la misma línea.',
  'cmd.response': 'No es un comando: son las credenciales que el servidor ha pedido con "+ ", en base64.',
  'cmd.response.cancel': 'No es un comando: * cancela el AUTH que el servidor estaba esperando.',
  'cmd.base64': 'Base64 es una codificación, no un cifrado: cualquiera que vea esta línea la lee como {decoded} (\\0 es un byte NUL).',
  'cmd.base64.clear': 'Cualquiera que pueda observar la red puede decodificarla: lo que la oculta es TLS (STLS, o el puerto POP3S).',
  'cmd.STLS': 'Pide pasar esta conexión a TLS, para que todo lo que venga después, contraseña incluida, vaya cifrado.',
  'cmd.QUIT': 'Termina la sesión.',
  'cmd.QUIT.update': 'Termina la sesión: el servidor pasa al estado UPDATE y elimina los mensajes marcados con DELE.',
  'cmd.STAT': 'Pregunta cuántos mensajes hay y cuánto ocupan en total.',
  'cmd.LIST': 'Pide el tamaño de cada mensaje.',
  'cmd.LIST.one': 'Pide el tamaño del mensaje {a0}.',
  'cmd.RETR': 'Pide el mensaje {a0} entero: cabeceras y cuerpo.',
  'cmd.DELE': 'Marca el mensaje {a0} para borrarlo; solo se elimina después de QUIT.',
  'cmd.NOOP': 'No hace nada: sirve para comprobar que el servidor sigue ahí.',
  'cmd.RSET': 'Deshace todos los DELE de esta sesión.',
  'cmd.TOP': 'Pide las cabeceras del mensaje {a0}, la línea en blanco que las sigue y hasta {a1|línea|líneas} del principio de su cuerpo.',
  'cmd.TOP.headers': 'Pide solo las cabeceras del mensaje {a0} y la línea en blanco que las cierra, sin ninguna línea del cuerpo.',
  'cmd.TOP.notNumber': 'Pide las cabeceras del mensaje {a0} y el principio de su cuerpo, pero "{a1}" no es un número de líneas.',
  'cmd.UIDL': 'Pide el identificador único de cada mensaje.',
  'cmd.UIDL.one': 'Pide el identificador único del mensaje {a0}.',
  'cmd.CAPA': 'Pregunta qué capacidades tiene el servidor: comandos opcionales, extensiones, formas de comportarse.',
  'cmd.unknown': 'No es un comando que este servidor conozca.',
  'cmd.unreadable': 'La línea tiene un carácter de control (un tabulador, un retroceso, una tecla de flecha…), así que el servidor no la lee como un comando; la respuesta dice cuál y dónde.',
  'cmd.unsupported': 'Un comando de POP3 que existe, de una extensión que este servidor no ofrece.',
  'cmd.removed': 'Un comando de una versión antigua de POP3, eliminado antes del RFC 1939.',
  'cmd.blank': 'Una línea sin ningún comando: vacía, o solo con espacios.',
  'cmd.leadingSpace': 'Una línea que empieza por un espacio: el servidor busca el comando justo al principio, así que no encuentra ninguno.',
  'cmd.usage': '{verb} se escribe así: {usage}.',
  // issue 11: LANG del RFC 6856
  'cmd.LANG': 'Pregunta en qué idiomas puede responder el servidor.',
  'cmd.LANG.one': 'Pide al servidor que a partir de ahora responda en el idioma {a0}.',
  'cmd.LANG.any': 'Pide al servidor que a partir de ahora responda en su idioma predeterminado.',

  // ── nombres de cosas que aparecen dentro de las respuestas ───────────────
  'control.0': 'NUL',
  'control.8': 'retroceso',
  'control.13': 'retorno de carro (CR) dentro de la línea',
  'control.27': 'escape (lo envía una tecla de flecha)',
  'control.127': 'suprimir (DEL)',
  'control.255': 'byte 255',
  'control.ctrl': 'Ctrl-{letter} (byte {byte})',
  'unsupported.LAST': 'el RFC 1725 lo eliminó en 1994; UIDL dice qué mensajes ha visto ya un cliente',
  'unsupported.RPOP': 'el RFC 1460 lo eliminó en 1993; APOP inicia sesión sin enviar la contraseña',
  'unsupported.XTND': 'una extensión de algunos servidores antiguos, del RFC 1082',
  // issue 11: los nombres de los idiomas. language.name es el nombre de este idioma en él mismo, como lo muestra una
  // lista de idiomas (English, Español, Català); language.XX, cómo nombra a XX una frase en este idioma
  'language.name': 'Español',
  'language.en': 'inglés',
  'language.es': 'español',
  'language.ca': 'catalán',

  // ── eventos y elementos del registro ─────────────────────────────────────
  'ev.connect': 'Se ha conectado un cliente desde {remote}.',
  'ev.connect.tls': 'Se ha conectado un cliente desde {remote} por TLS ({protocol}, cifrado {cipher}): todo lo que pasa por esta conexión, contraseñas incluidas, va cifrado; quien observe la red solo ve bytes ilegibles. Las líneas marcadas con 🔒 viajan cifradas.',
  'ev.tlsError': 'Una conexión desde {remote} al puerto TLS ha fallado en la negociación ({reason}). Es lo que ocurre cuando un cliente sin cifrado (telnet, nc) se conecta al puerto TLS: el servidor espera TLS desde el primer byte. Usa openssl s_client -connect, o el puerto sin cifrar.',
  'ev.tlsError.stls': 'La negociación TLS tras STLS ha fallado ({reason}), así que el servidor ha cerrado la conexión. Es lo que ocurre cuando un cliente (telnet, nc) envía más comandos en lugar de iniciar TLS; usa openssl s_client -starttls pop3.',
  'ev.starttls': 'TLS iniciado ({protocol}, cifrado {cipher}): a partir de aquí, todo lo que pasa por esta conexión va cifrado; las líneas marcadas con 🔒 viajan cifradas. La sesión sigue en AUTHORIZATION: inicia sesión ahora y nadie en la red podrá leer la contraseña. Lo que se envió antes de la negociación se ha descartado.',
  'ev.disconnect.quit': 'La sesión ha terminado con QUIT y la conexión se ha cerrado.',
  'ev.disconnect.client': 'El cliente ha cerrado la conexión sin QUIT: no se ha borrado nada.',
  'ev.disconnect.timeout': '{seconds} segundos sin ningún comando: el temporizador de desconexión automática ha cerrado la conexión sin UPDATE, así que no se ha borrado nada (RFC 1939 §3).',
  'ev.disconnect.shutdown': 'El servidor se está deteniendo: la conexión se ha cerrado sin UPDATE, así que no se ha borrado nada.',
  'ev.disconnect.error': 'La conexión ha fallado ({reason}); no se ha borrado nada.',
  'ev.disconnect.full': 'El servidor estaba lleno, así que ha cerrado esta conexión enseguida; las demás siguen.',
  'ev.disconnect.endless': 'El servidor ha cerrado la conexión sin UPDATE tras una línea que no terminaba nunca: no se ha borrado nada.',
  'ev.delay': 'Inicio de sesión fallido desde {address} (fallos seguidos: {failures}): la respuesta ha esperado {ms} ms, para que adivinar contraseñas sea lento. Cada nuevo fallo seguido espera más, hasta un límite, y las conexiones desde la misma dirección esperan su turno; la espera se acaba al iniciar sesión como ese usuario, o tras un minuto sin fallos.',
  'ev.login.ok': '{user} ha iniciado sesión con {method}. El buzón tiene {count|mensaje|mensajes}, {octets|octeto|octetos} en total, y queda bloqueado para esta sesión.',
  'ev.login.AUTH': 'Un inicio de sesión con {method} ha fallado: el nombre o la contraseña no son correctos ([AUTH]). La sesión sigue en AUTHORIZATION.',
  'ev.login.IN-USE': 'Un inicio de sesión con {method} ha fallado: la contraseña era correcta, pero otra sesión tiene abierto el buzón ([IN-USE]).',
  'ev.login.SYS/PERM': 'Un inicio de sesión con {method} ha fallado: la contraseña era correcta, pero el buzón no se podrá abrir hasta que lo arregle el administrador del servidor ([SYS/PERM]).',
  'ev.login.SYS/TEMP': 'Un inicio de sesión con {method} ha fallado: la contraseña era correcta, pero ahora mismo no se ha podido abrir el buzón; puede funcionar si se vuelve a intentar más tarde ([SYS/TEMP]).',
  'ev.update.mbox': 'UPDATE: el servidor ha eliminado {deleted|mensaje|mensajes} de {path} y ha conservado {left}. Ha escrito el archivo entero de nuevo en un archivo temporal y después, con un cambio de nombre, lo ha puesto en lugar del antiguo, así que el archivo nunca queda a medio escribir.',
  'ev.update.maildir': 'UPDATE: el servidor ha eliminado {deleted|archivo de mensaje|archivos de mensaje} de {path} y ha conservado {left}; los mensajes leídos con RETR se han movido de new/ a cur/. Antes ha escrito una lista de estos pasos, así que, si algo falla a medias, el siguiente inicio de sesión lo termina.',
  'ev.update.unfinished': 'UPDATE se ha detenido a medias ({reason}); con la lista de pasos escrita al principio, el próximo inicio de sesión lo terminará.',
  'ev.update.none': 'UPDATE: no había ningún mensaje marcado con DELE, así que el buzón no ha cambiado.',
  'ev.update.failed': 'UPDATE ha fallado ({reason}); el buzón no ha cambiado.',
  'log.state': 'estado {before} ({meaning})',
  'log.stateChange': 'estado {before} → {after} ({meaning})',
  'state.AUTHORIZATION': 'aún sin iniciar sesión',
  'state.TRANSACTION': 'sesión iniciada: se leen y se marcan mensajes',
  'state.UPDATE': 'se eliminan los mensajes marcados con DELE y se cierra',
  'log.multi': 'respuesta multilínea: {lines|línea|líneas}, {octets|octeto|octetos}{stuffed}, y después una línea que solo contiene "."',
  'log.stuffed': ', {count} con dot-stuffing (un "." inicial duplicado)',
  'transcript.cut': 'La transcripción se corta aquí: esta sesión ha escrito {limit|octeto|octetos}, el máximo para una sesión. Sus comandos y respuestas posteriores no se graban; cómo terminó, sí.',
  'log.truncated': '… (--verbose muestra como mucho 200 líneas de una respuesta)',
  'log.dropped': '… {count|entrada del registro|entradas del registro} sin mostrar: los eventos llegaban más deprisa de lo que esta salida podía mostrarlos',

  // ── problemas con archivos, que salen en -ERR y en la línea de comandos ──
  'store.inUse': 'el buzón ya está abierto en otra sesión',
  'store.missing': 'falta el buzón {path} ({code})',
  'store.notMaildir': '{path} es una carpeta, pero no un maildir: un maildir contiene cur/, new/ y tmp/',
  'store.unreadable': 'no se puede leer {path}: {reason}',
  'store.notMbox': 'la línea {line} está antes de la primera línea "From ", así que este archivo no es un mbox',
  'store.gone': 'el archivo del mensaje {n} ha desaparecido',
  'store.shortened': 'otro programa ha acortado el archivo mbox durante la sesión',
  'store.changed': 'otro programa ha reescrito el archivo mbox durante la sesión',
  'store.busy': 'otro programa (seguramente una entrega de correo) tiene el bloqueo {path} desde hace demasiado tiempo; vuelve a intentarlo dentro de un momento',
  'store.unfinished': '{reason}',
  'maillist.unreadable': 'no se puede leer el maillist ({why})',
  'maillist.noFile': 'el archivo no existe',
  'maillist.denied': 'permiso denegado',
  'maillist.isFolder': 'es una carpeta, no un archivo',
  'maillist.fields': 'se esperaban 3 campos, "usuario contraseña buzón", y hay {found}: "{line}"',
  'maillist.duplicate': 'el usuario "{user}" ya está definido en la línea {first}; cada usuario lleva una sola línea',
  'maillist.missing': 'no se encuentra el buzón "{mailbox}" del usuario "{user}" (se ha buscado en {path})',
  'maillist.notMaildir': 'el buzón "{mailbox}" del usuario "{user}" es una carpeta, pero no un maildir: un maildir contiene cur/, new/ y tmp/',
  'maillist.empty': 'no hay cuentas: añade una línea "usuario contraseña buzón"',
  'exercise.noFront': 'falta la cabecera (front matter): empieza el archivo con ---, title: ..., account: ..., ---',
  'exercise.noTitle': 'la cabecera no tiene title:',
  'exercise.noAccount': 'la cabecera no tiene account: (el usuario con el que el ejercicio inicia sesión)',
  'exercise.stepNumber': 'el paso {found} debería ser el paso {expected}',
  'exercise.noSteps': 'no hay pasos: añade títulos como "## Paso 1: Conéctate"',
  'exercise.badLine': 'paso {step}: una línea de un bloque pop3 tiene que empezar por "C: " o "S: ", no "{line}"',
  // exercise markers: las palabras que busca el lector de ejercicios (solo la palabra; ver la tabla acordada de marcadores)
  'exercise.marker.learn': 'Qué aprenderás',
  'exercise.marker.why': 'Por qué importa',
  'exercise.marker.step': 'Paso',
  'exercise.marker.question': 'Pregunta',
  'exercise.marker.choices': 'Opciones',
  'exercise.marker.accept': 'Se acepta',
  'exercise.marker.answer': 'Respuesta',

  // ── la línea de comandos ─────────────────────────────────────────────────
  'banner.title': 'smallpop3 {version}: un servidor POP3 para aprender',
  'banner.listening': 'Escuchando en {where}',
  'banner.listeningTls': 'POP3S (TLS desde el primer byte) en {where}',
  'banner.fingerprint': 'Certificado {path}\n    huella SHA-256 {fingerprint}\n    (un cliente tiene que ver la misma; comprueba cuál ve con: openssl s_client -starttls pop3 -connect {where} </dev/null 2>/dev/null | openssl x509 -noout -fingerprint -sha256)',
  'banner.fingerprintGiven': 'Huella SHA-256 del certificado {fingerprint}\n    (un cliente tiene que ver la misma; comprueba cuál ve con: openssl s_client -starttls pop3 -connect {where} </dev/null 2>/dev/null | openssl x509 -noout -fingerprint -sha256)',
  'banner.connectTls': 'Por TLS:  {command}',
  'banner.connectStls': 'Con STLS:  {command}',
  'banner.sample': 'Se sirven los buzones de ejemplo incluidos, desde una copia de trabajo en {dir}\n  (borrar correo ahí nunca cambia smallpop3; "smallpop3 reset" la restaura)',
  'banner.maillist': 'Se sirven las cuentas de {file}',
  'banner.accounts': 'Cuentas: {list}',
  'banner.connect': 'Desde otra terminal, conéctate con:  {command}',
  'banner.network': 'Desde otras máquinas de la red:',
  'banner.telnet': 'telnet {host} {port}',
  'banner.openssl': 'openssl s_client -connect {where} -ign_eof',
  'banner.opensslStls': 'openssl s_client -starttls pop3 -connect {where} -ign_eof',
  'banner.try': 'y después escribe, una línea cada vez:\n    USER {user}   PASS {password}   STAT   LIST   RETR 1   QUIT',
  'banner.connections': 'Atiende como mucho {max|conexión|conexiones} a la vez (--max-connections N para cambiarlo)',
  'banner.stop': 'Abajo se muestra cada línea con una explicación. Pulsa Ctrl-C para parar.',
  'banner.stopping': 'Parando: las sesiones abiertas se cierran sin UPDATE, así que no se borra nada.',
  // issue 11: el idioma en uso y cómo cambiarlo; {options} es algo como "--lang en o --lang ca"
  'banner.language': 'Idioma: {language}. Para empezar en otro, usa {options}; dentro de una sesión, LANG muestra los idiomas y LANG {example} cambia el idioma de sus respuestas.',
  'banner.wireLanguage': 'Las respuestas que se envían a los clientes van en {language} (--wire-lang); todo lo demás sigue a --lang.',
  'banner.account': '{user} (contraseña {password})',

  'cli.unknownOption': 'opción desconocida {option}; "smallpop3 --help" muestra las opciones',
  'cli.badNumber': 'la opción {option} necesita un número entero entre {min} y {max}, no "{value}"',
  'cli.badTimeout': 'la opción --timeout necesita un número de segundos entre 1 y 86400 (como 600 o 10m), no "{value}"',
  'cli.badLog': 'la opción --log tiene que ser "text" o "json", no "{value}"',
  'cli.badLang': 'la opción --lang tiene que ser uno de estos idiomas: {languages}; no "{value}"',
  // issue 11
  'cli.badWireLang': 'la opción --wire-lang tiene que ser uno de estos idiomas: {languages}; no "{value}"',
  'cli.valueNeeded': 'la opción {option} necesita un valor',
  'cli.noValueWanted': 'la opción {option} no lleva ningún valor',
  'cli.listenFailed': 'no se puede escuchar en {host}, puerto {port}: {reason}',
  'cli.unknownCommand': 'comando desconocido "{command}"; los comandos son: {commands}',
  'cli.portInUse': 'el puerto {port} de {host} ya está en uso (¿hay otro smallpop3 en marcha?); páralo o elige otro puerto con {option} {other}',
  'cli.portDenied': 'no está permitido escuchar en el puerto {port}: los puertos por debajo de 1024 necesitan root; usa uno más alto, como {option} {other}',
  'cli.hostUnavailable': 'no se puede escuchar en {host}: esta máquina no tiene esa dirección; usa 127.0.0.1, 0.0.0.0 o ::',
  'cli.unknownExercise': 'no existe el ejercicio "{name}"; "smallpop3 exercises" los enumera',
  'cli.needExercise': 'di qué ejercicio quieres comprobar, por ejemplo: smallpop3 check 1 ("smallpop3 exercises" los enumera)',
  'cli.badExercise': 'un archivo de ejercicio tiene un error: {problem}',

  'exercises.header': 'Ejercicios (los archivos están en {dir}):',
  'exercises.line': '{n}. {title}  (cuenta {account}; smallpop3 check {number})',
  'exercises.footer': 'Puedes leerlos como fichas en esa carpeta, o dejar que "smallpop3 check N" te diga qué has hecho.',
  // issue 11: un ejercicio que aún no está traducido al idioma del estudiante
  'exercises.inEnglish': '(en inglés)',
  'exercises.notTranslated': 'Este ejercicio todavía no está traducido al {language}, así que se muestra en inglés.',

  'check.title': 'Ejercicio {number}: {title}',
  'check.read': 'Leyendo {sessions|sesión|sesiones} del usuario "{user}" en {dir}',
  'check.none': 'Todavía no hay ninguna sesión del usuario "{user}" grabada en {dir}: conéctate, inicia sesión como {user} y sigue el ejercicio.',
  'check.goal': 'Paso {step}: {title}',
  'check.type': 'escribe: {lines}',
  'check.typeNew': 'escribe, en una segunda conexión telnet, como dice el ejercicio: {lines}',
  'check.typeStls': 'telnet no sabe hablar TLS: conéctate con openssl s_client -starttls pop3 como muestra el ejercicio (openssl envía STLS por ti) y escribe: {lines}',
  'check.typeTls': 'con TLS desde el primer byte, que telnet no sabe hacer: conéctate al puerto TLS con openssl s_client -connect como muestra el ejercicio (o usa el cliente que indica) y escribe: {lines}',
  'check.sent': 'has enviado "{sent}" y el servidor ha respondido "{answered}"; el ejercicio espera "{expected}"',
  'check.cut': 'En {sessions|sesión|sesiones} se escribió más de lo que guarda una transcripción ({limit|octeto|octetos}): lo que vino después no está grabado, así que aquí no cuenta.',
  'check.resetHint': 'Si los números no coinciden porque se borraron mensajes en una sesión anterior, "smallpop3 reset" recupera los buzones de ejemplo.',
  'check.allDone': 'Objetivos cumplidos: todos ({total}). El ejercicio {number} está hecho.',
  'check.someDone': 'Objetivos cumplidos: {met} de {total}. Sigue las pistas de arriba y vuelve a hacer la comprobación.',

  'cli.noTranscripts': 'aviso: no se pueden grabar sesiones en {dir} ({code}), así que "smallpop3 check" no las verá; elige otra carpeta con --transcripts DIR',
  'tls.unreadable': 'no se puede leer {path} ({code}): revisa la ruta indicada en --cert o --key',
  'tls.notCertificate': '{path} no es un certificado PEM (debería empezar por -----BEGIN CERTIFICATE-----)',
  'tls.badPair': 'el certificado {cert} y la clave {key} no se pueden usar juntos: {reason}',
  'cli.tlsOptions': '--cert y --key van juntas: indica las dos, o ninguna para usar un certificado autofirmado',
  'cli.fileProblem': 'no se puede usar {path} ({code}: {reason}); comprueba que existe y que tienes permiso para leerlo y escribirlo',
  'cli.reset': 'Se ha restaurado el buzón de ejemplo: {dir}',
  'sample.inUse': 'ahora no se puede restaurar el ejemplo: una sesión de "{user}" tiene abierto {mailbox}, y su QUIT borraría mensajes de la copia nueva; cierra esa sesión con QUIT (o para el servidor) y vuelve a ejecutar "smallpop3 reset"',

  'help.main': `smallpop3 {version}: un servidor POP3 para aprender (RFC 1939)

Uso:
  smallpop3 [opciones]        sirve el buzón de ejemplo en el puerto 65000
  smallpop3 serve [opciones]  lo mismo
  smallpop3 reset             deja el buzón de ejemplo como venía de fábrica
  smallpop3 exercises         muestra la lista de ejercicios
  smallpop3 guide [N]         haz el ejercicio N con un tutor, paso a paso
  smallpop3 check N           comprueba el ejercicio N en tus sesiones grabadas
  smallpop3 demo [N]          muestra el ejercicio N a una clase, paso a paso
  smallpop3 admin COMANDO     vigila y gestiona un servidor (--admin-port)
  smallpop3 class ...         cuentas y buzones para toda una clase
  smallpop3 help [comando]    muestra esta ayuda, o la de un comando

Opciones:
  -p, --port N            puerto TCP en el que escuchar (por defecto 65000;
                          0 elige uno libre)
  -H, --host DIRECCIÓN    dirección en la que escuchar (por defecto 127.0.0.1,
                          solo esta máquina; 0.0.0.0 o :: para aceptar toda la
                          red de un laboratorio)
  -m, --maillist ARCHIVO  archivo de cuentas: un "usuario contraseña buzón" por
                          línea (por defecto, ./maillist si existe; si no, el
                          ejemplo)
  -t, --timeout SEGS      cierra la sesión tras SEGS segundos de inactividad
                          (por defecto 600; también vale 10m)
  -v, --verbose           muestra en el registro las líneas de las respuestas
                          multilínea
      --log FORMATO       text (por defecto: explicado y en color si es una
                          terminal) o json (un objeto JSON por línea, para
                          herramientas)
  -q, --quiet             sin registro, solo el mensaje de inicio (para pruebas
                          de carga; las transcripciones se siguen grabando)
      --show-secrets      muestra las contraseñas en el registro en lugar de
                          ******** (nunca en las transcripciones)
      --lang IDIOMA       idioma de todo lo que se muestra: {languages} (por
                          defecto, el de LC_ALL, LC_MESSAGES o LANG; si no, en)
      --wire-lang IDIOMA  idioma de las respuestas enviadas a los clientes (por
                          defecto, el de --lang); en una sesión, LANG lo cambia
      --transcripts DIR   dónde grabar las sesiones (por defecto, una carpeta
                          transcripts junto a los buzones)
      --max-connections N
                          conexiones atendidas a la vez (aquí, por defecto,
                          {connections}, según el límite de archivos abiertos);
                          a una más se le responde -ERR [SYS/TEMP] y se cierra
      --tls-port N        sirve también POP3S (TLS desde el primer byte) en el
                          puerto N (0 elige uno libre); por defecto, ninguno
      --require-tls       acepta contraseñas solo por TLS: USER, PASS, APOP y
                          AUTH se rechazan hasta STLS (o en el --tls-port)
      --cert ARCHIVO      el certificado TLS (PEM), con --key ARCHIVO su clave,
                          para STLS y --tls-port; sin ellos, se crea una sola
                          vez uno autofirmado para localhost, que se guarda en
                          la carpeta de estado
      --admin-port N      abre el puerto de administración
                          (docs/admin-protocol.md): estadísticas, sesiones,
                          progreso, cuentas y ajustes en vivo
      --admin-host DIRECCIÓN
                          dirección del puerto de administración (por defecto
                          127.0.0.1, aunque --host abra el puerto POP3 a la
                          red)
      --admin-secret S    su secreto (por defecto, SMALLPOP3_ADMIN_SECRET; si
                          no, uno creado al arrancar y mostrado en el mensaje
                          de inicio)
      --web-port N        abre en este puerto la vista de la clase en directo,
                          para el navegador, tras el secreto de administración
                          (el mensaje de inicio muestra su enlace)
      --web-host DIRECCIÓN
                          dirección de la vista de la clase (por defecto
                          127.0.0.1)
  -h, --help              muestra esta ayuda
  -V, --version           muestra la versión

Después, desde otra terminal:  telnet localhost 65000
El color depende de la terminal; con NO_COLOR=1 se desactiva.`,
  'help.check': `smallpop3 check EJERCICIO: ¿lo he hecho de verdad?

Lee las sesiones grabadas (transcripciones) y dice, paso a paso, qué está
hecho y qué falta, con una pista. EJERCICIO es un número o un nombre, tal
como los muestra "smallpop3 exercises".

Opciones:
  --user NOMBRE           de quién son las sesiones que se comprueban (por
                          defecto, la cuenta del ejercicio)
  --json                  muestra el resultado en JSON, para herramientas
  -m, --maillist ARCHIVO  el maillist con el que se arrancó el servidor (para
                          encontrar sus transcripciones), como en el servidor
      --transcripts DIR   lee las transcripciones de DIR
      --lang IDIOMA       idioma del informe y del ejercicio: {languages}
                          (cuentan las sesiones grabadas en cualquier idioma)

Estado de salida: 0 si se cumplen todos los objetivos, 1 si falta alguno,
2 si hay un error de uso.`,
  'help.exercises': `smallpop3 exercises: muestra la lista de ejercicios, con su número y su título.

Opciones:
      --lang IDIOMA       idioma de los ejercicios: {languages} (un ejercicio
                          aún sin traducir aparece en inglés, y lo indica)`,
  'help.reset': `smallpop3 reset: restaura el buzón de ejemplo

El ejemplo (usuario guest, contraseña visitor) se sirve desde una copia
de trabajo, en {dir},
para que borrar correo ahí nunca cambie el propio smallpop3. "reset" lo
vuelve a copiar desde cero: todos los mensajes borrados vuelven.`,

  // ── supervisión y administración: el estado en directo, el protocolo de administración y su cliente (issue 12) ──
  'ev.disconnect.kicked': 'El administrador ha desconectado esta sesión (KICK en el puerto de administración), sin UPDATE: no se ha borrado nada.',
  'state.listenerFailed': 'un oyente de los eventos del servidor ha fallado ({reason}); el servidor y los demás oyentes siguen, y sus fallos posteriores solo se cuentan',

  'accounts.exists': 'ya hay una cuenta "{user}"',
  'accounts.unknown': 'no hay ninguna cuenta "{user}"',
  'accounts.badName': '"{user}" no puede ser un nombre de usuario: usa hasta 64 letras, cifras y . _ - + @, empezando por una letra, una cifra o _',
  'accounts.badPassword': 'una contraseña es una sola palabra de hasta 128 caracteres: sin espacios, tabuladores ni caracteres de control (el maillist separa sus campos con espacios)',
  'accounts.badMailbox': '"{mailbox}" no puede ser la ruta de un buzón: tiene que ser una sola palabra, sin espacios',
  'accounts.needMailbox': 'este servidor recibió sus cuentas sin maillist: indica el buzón de la cuenta nueva (ADDUSER usuario contraseña buzón)',
  'accounts.noMaillist': 'este servidor recibió sus cuentas sin maillist, así que no hay nada que volver a leer',
  'accounts.last': '"{user}" es la última cuenta, y un maillist necesita al menos una: añade otra primero',
  'accounts.changedOnDisk': 'el maillist ya no tiene ninguna línea para "{user}": alguien lo ha cambiado a mano desde que se leyó; haz RELOAD primero',
  'accounts.notMaildir': '{mailbox} es una carpeta, pero no un maildir (un maildir contiene cur/, new/ y tmp/)',

  'admin.greeting': 'puerto de administración de smallpop3 listo; AUTH con el secreto, HELP para ver los comandos',
  'admin.greeting.explain': 'El puerto de administración saluda. Hasta que se da el secreto con AUTH, solo funcionan HELP y QUIT (docs/admin-protocol.md §3).',
  'admin.full': 'demasiadas conexiones de administración (como mucho {limit}); vuelve a intentarlo dentro de un momento',
  'admin.full.explain': 'El puerto de administración atiende pocas conexiones a la vez; esta se ha rechazado y cerrado.',
  'admin.failed': '{reason}',
  'admin.failed.explain': 'El comando no se ha podido hacer; no ha cambiado nada. La conexión se puede seguir usando.',
  'admin.auth.ok': 'bienvenido, administrador',
  'admin.auth.ok.explain': 'El secreto era correcto: la conexión está ahora en el estado ADMIN y todos los comandos funcionan.',
  'admin.auth.already': 'esta conexión ya ha dado el secreto',
  'admin.auth.already.explain': 'AUTH se necesita una vez por conexión; esta ya está en el estado ADMIN.',
  'admin.auth.wrong': 'secreto incorrecto',
  'admin.auth.wrong.explain': 'El secreto no es correcto: la conexión sigue en AUTHORIZATION. Cada secreto incorrecto seguido desde la misma dirección se responde más despacio, y queda en el registro.',
  'admin.help': 'siguen los comandos',
  'admin.help.explain': 'HELP muestra los comandos que funcionan en este estado, uno por línea, con sus argumentos.',
  'admin.help.one': 'sigue cómo se usa {verb}',
  'admin.help.one.explain': 'HELP con un comando dice cómo se escribe, qué hace y dónde lo describe docs/admin-protocol.md.',
  'admin.help.unknown': 'no existe el comando "{verb}"; HELP los muestra',
  'admin.help.unknown.explain': 'Se ha pedido HELP de un comando que el protocolo de administración no tiene.',
  'admin.help.AUTH': 'da el secreto; todos los demás comandos lo necesitan',
  'admin.help.HELP': 'muestra los comandos, o cómo se usa uno',
  'admin.help.QUIT': 'cierra esta conexión',
  'admin.help.STATS': 'estadísticas desde el arranque, y los ajustes en vivo',
  'admin.help.SESSIONS': 'las sesiones POP3 abiertas: usuario, dirección, estado, inactividad, TLS, bytes, último comando',
  'admin.help.PROGRESS': 'los ejercicios de cada estudiante: hechos, el paso en que está, errores seguidos (atascado)',
  'admin.help.USERS': 'las cuentas (nunca sus contraseñas)',
  'admin.help.ADDUSER': 'añade una cuenta; si hace falta, crea su buzón',
  'admin.help.DELUSER': 'quita una cuenta (su buzón se queda en el disco)',
  'admin.help.PASSWD': 'cambia la contraseña de una cuenta',
  'admin.help.RELOAD': 'vuelve a leer el maillist, tras cambiarlo a mano',
  'admin.help.SET': 'cambia el máximo de conexiones, o el tiempo de desconexión automática en segundos',
  'admin.help.KICK': 'desconecta una sesión sin UPDATE: no se borra nada',
  'admin.help.BROADCAST': 'escribe un mensaje en el registro del servidor',
  // cómo se escribe un comando de administración con argumentos (HELP, los errores de argumentos, smallpop3 help admin): el comando tal cual
  'admin.usage.AUTH': 'AUTH secreto',
  'admin.usage.HELP': 'HELP [comando]',
  'admin.usage.PROGRESS': 'PROGRESS [usuario]',
  'admin.usage.ADDUSER': 'ADDUSER usuario contraseña [buzón]',
  'admin.usage.DELUSER': 'DELUSER usuario',
  'admin.usage.PASSWD': 'PASSWD usuario contraseña',
  'admin.usage.SET': 'SET maxconn|timeout número',
  'admin.usage.KICK': 'KICK sesión',
  'admin.usage.BROADCAST': 'BROADCAST texto',
  'admin.quit': 'adiós',
  'admin.quit.explain': 'La conexión de administración termina; no se deshace nada de lo que ha cambiado.',
  'admin.stats': 'siguen las estadísticas',
  'admin.stats.explain': 'STATS: los contadores del servidor desde el arranque, un "nombre=valor" por línea, y después los ajustes en vivo.',
  'admin.sessions': '{count|sesión abierta|sesiones abiertas}',
  'admin.sessions.explain': 'SESSIONS: una línea por sesión POP3 abierta, con pares "nombre=valor"; "id" es el número que usa KICK.',
  'admin.progress': 'sigue el progreso de {count|estudiante|estudiantes}',
  'admin.progress.explain': 'PROGRESS: una línea por estudiante, a partir de las sesiones grabadas, tal como las lee "smallpop3 check": ejercicios hechos, el ejercicio y el paso en que está, respuestas -ERR seguidas (stuck=true a partir de 3).',
  'admin.progress.none': 'este servidor no graba las sesiones, así que no hay progreso que mostrar',
  'admin.progress.none.explain': 'PROGRESS lee las transcripciones, y este servidor se arrancó sin carpeta de transcripciones.',
  'admin.user.unknown': 'no hay ninguna cuenta "{user}"',
  'admin.user.unknown.explain': 'El usuario indicado no está en el registro de cuentas; USERS las muestra.',
  'admin.users': '{count|cuenta|cuentas}',
  'admin.users.explain': 'USERS: una línea por cuenta, en el orden del maillist: el usuario, el buzón y cuántas sesiones tiene iniciadas ahora. Las contraseñas nunca se muestran.',
  'admin.adduser.created': 'cuenta {user} añadida, con un buzón nuevo y vacío {mailbox}',
  'admin.adduser.created.explain': 'La cuenta se ha añadido al maillist (escrito en un archivo temporal que después lo sustituye, así que nunca queda a medias) y funciona desde el próximo inicio de sesión; se ha creado su buzón.',
  'admin.adduser.ok': 'cuenta {user} añadida, con el buzón {mailbox}',
  'admin.adduser.ok.explain': 'La cuenta se ha añadido al maillist (escrito en un archivo temporal que después lo sustituye) y funciona desde el próximo inicio de sesión; su buzón ya existía.',
  'admin.deluser.ok': 'cuenta {user} eliminada; su buzón se queda en el disco',
  'admin.deluser.ok.explain': 'La línea de la cuenta ha salido del maillist (escrito de forma atómica); ya no puede iniciar sesión. Su correo no se ha tocado.',
  'admin.deluser.open': 'cuenta {user} eliminada; aún tiene iniciada la sesión {sessions} (KICK para terminarla)',
  'admin.deluser.open.explain': 'La cuenta ya no puede iniciar sesión, pero una sesión iniciada antes sigue hasta que termine o la desconecten.',
  'admin.passwd.ok': 'contraseña de {user} cambiada',
  'admin.passwd.ok.explain': 'La contraseña nueva está en el maillist (escrito de forma atómica) y es la que pedirá el próximo inicio de sesión; una sesión ya iniciada sigue.',
  'admin.reload.ok': 'maillist leído de nuevo: {accounts|cuenta|cuentas}, {added|añadida|añadidas}, {removed|quitada|quitadas}, {changed|cambiada|cambiadas}',
  'admin.reload.ok.explain': 'Se ha vuelto a leer el maillist; los nuevos inicios de sesión ven las cuentas que tiene ahora. Un maillist con errores se habría rechazado, y las cuentas se habrían quedado como estaban.',
  'admin.set.unknown': 'no existe el ajuste "{name}"; los ajustes son {names}',
  'admin.set.unknown.explain': 'SET cambia maxconn (conexiones atendidas a la vez) o timeout (la desconexión automática, en segundos).',
  'admin.set.bad': '{name} necesita un número entero entre {min} y {max}, no "{value}"',
  'admin.set.bad.explain': 'El valor está fuera del rango; el ajuste no ha cambiado.',
  'admin.set.maxconn': 'máximo de conexiones {before} → {value}',
  'admin.set.maxconn.explain': 'A partir de ahora el servidor atiende como mucho {value|conexión|conexiones} a la vez; no se desconecta a nadie, pero las siguientes que pasen del límite se rechazan.',
  'admin.set.timeout': 'desconexión automática {before} → {value} segundos',
  'admin.set.timeout.explain': 'A partir de ahora toda conexión, también las abiertas, se cierra tras {value|segundo|segundos} de inactividad sin ningún comando (RFC 1939 §3).',
  'admin.kick.ok': 'sesión {id} ({user}) desconectada; no se ha borrado nada',
  'admin.kick.ok.explain': 'La sesión se ha cerrado sin UPDATE: los mensajes que marcó con DELE siguen ahí, y su buzón queda desbloqueado.',
  'admin.kick.none': 'no hay ninguna sesión abierta {id}; SESSIONS las muestra',
  'admin.kick.none.explain': 'KICK recibe el "id" de una sesión abierta, tal como lo muestra SESSIONS.',
  'admin.kick.ending': 'la sesión {id} ya está terminando',
  'admin.kick.ending.explain': 'La sesión se está cerrando (o aplicando su QUIT): se la deja terminar.',
  'admin.broadcast': 'mensaje escrito en el registro',
  'admin.broadcast.explain': 'El mensaje está en el registro del servidor, para quien lo esté mirando.',
  'admin.empty': 'línea vacía; HELP muestra los comandos',
  'admin.empty.explain': 'Una línea tiene que contener un comando.',
  'admin.control': 'la línea contiene un carácter de control; vuelve a escribir el comando',
  'admin.control.explain': 'Los comandos son texto imprimible; se ha enviado un carácter de control (una tecla de flecha, o la tecla de borrar en algunas terminales).',
  'admin.leadingSpace': 'la línea empieza por un espacio; empieza por el comando',
  'admin.leadingSpace.explain': 'El comando es la primera palabra de la línea, sin nada delante.',
  'admin.unknown': 'comando desconocido "{verb}"; HELP muestra los comandos',
  'admin.unknown.explain': 'El protocolo de administración no tiene ese comando.',
  'admin.unknownGuess': 'comando desconocido "{verb}"; ¿querías decir {guess}?',
  'admin.unknownGuess.explain': 'El protocolo de administración no tiene ese comando; parece un {guess} mal escrito.',
  'admin.needAuth': '{verb} necesita antes el secreto: AUTH secreto',
  'admin.needAuth.explain': 'Antes de dar el secreto con AUTH, solo funcionan HELP y QUIT.',
  'admin.args.missing': 'falta un argumento: {usage}',
  'admin.args.missing.explain': 'El comando necesita más argumentos.',
  'admin.args.extra': 'demasiados argumentos: {usage}',
  'admin.args.extra.explain': 'El comando lleva menos argumentos.',
  'admin.tooLong': 'línea demasiado larga ({octets} octetos; como mucho {limit})',
  'admin.tooLong.explain': 'Una línea de administración tiene como mucho {limit} octetos; esta no se ha leído.',
  'admin.cmd.section': 'protocolo de administración {section}',
  'admin.cmd.AUTH': 'Da el secreto, para usar los comandos de administración.',
  'admin.cmd.HELP': 'Pide la lista de comandos.',
  'admin.cmd.QUIT': 'Termina la conexión de administración.',
  'admin.cmd.STATS': 'Pide las estadísticas desde el arranque.',
  'admin.cmd.SESSIONS': 'Pide las sesiones POP3 abiertas.',
  'admin.cmd.PROGRESS': 'Pregunta por dónde va cada estudiante en los ejercicios.',
  'admin.cmd.USERS': 'Pide las cuentas.',
  'admin.cmd.ADDUSER': 'Añade una cuenta.',
  'admin.cmd.DELUSER': 'Quita una cuenta.',
  'admin.cmd.PASSWD': 'Cambia la contraseña de una cuenta.',
  'admin.cmd.RELOAD': 'Vuelve a leer el maillist.',
  'admin.cmd.SET': 'Cambia un ajuste en vivo.',
  'admin.cmd.KICK': 'Desconecta una sesión sin UPDATE.',
  'admin.cmd.BROADCAST': 'Escribe un mensaje en este registro.',
  'admin.cmd.masked': 'El secreto o la contraseña de esta línea aparece enmascarado en el registro.',
  'admin.cmd.hidden': 'Una línea que no es un comando, antes de dar el secreto: se enmascara entera, porque podría ser el secreto escrito solo.',
  'admin.cmd.unreadable': 'El servidor no ha podido leer esta línea como un comando.',
  'admin.cmd.unknown': 'No es un comando del protocolo de administración.',
  'ev.admin.connect': 'Una conexión de administración desde {remote} (el protocolo de administración, docs/admin-protocol.md). Primero tiene que dar el secreto con AUTH.',
  'ev.admin.auth.ok': 'La conexión de administración desde {remote} ha dado el secreto correcto.',
  'ev.admin.auth.wrong': 'Un secreto de administración incorrecto desde {remote}.',
  'ev.admin.auth.slowed': 'Secreto de administración incorrecto número {failures} seguido desde {remote}: la respuesta ha esperado {ms} ms, para que adivinarlo sea lento.',
  'ev.admin.disconnect.quit': 'La conexión de administración ha terminado con QUIT.',
  'ev.admin.disconnect.client': 'El cliente de administración ha cerrado su conexión.',
  'ev.admin.disconnect.timeout': 'La conexión de administración ha estado inactiva demasiado tiempo y se ha cerrado.',
  'ev.admin.disconnect.shutdown': 'El servidor se está deteniendo: la conexión de administración se ha cerrado.',
  'ev.admin.disconnect.error': 'La conexión de administración ha fallado.',
  'ev.admin.disconnect.full': 'Demasiadas conexiones de administración: esta se ha rechazado.',
  'ev.admin.disconnect.endless': 'La conexión de administración ha enviado una línea que no terminaba nunca y se ha cerrado.',
  'ev.admin.disconnect.kicked': 'La conexión de administración se ha cerrado.',
  'ev.broadcast': '📢 {text}',
  'log.adminMulti': 'multilínea: {lines|línea|líneas}, y después una línea con solo "."',

  'banner.admin': 'Puerto de administración {where}, tras el secreto de --admin-secret o SMALLPOP3_ADMIN_SECRET:\n    {client}',
  'banner.adminGenerated': 'Puerto de administración {where}, secreto {secret} (creado ahora; elige el tuyo con --admin-secret o SMALLPOP3_ADMIN_SECRET):\n    SMALLPOP3_ADMIN_SECRET={secret} {client}',
  'banner.adminClient': 'smallpop3 admin stats --port {port}{host}',
  'cli.adminNeedsPort': '--admin-host y --admin-secret van con --admin-port N, que abre el puerto de administración',
  'cli.adminSecret': 'el secreto de administración tiene que tener de 8 a 200 caracteres, sin caracteres de control',
  'admin.client.needCommand': 'di qué comando de administración quieres enviar, por ejemplo: smallpop3 admin stats (los comandos: {commands})',
  'admin.client.unknown': 'no existe el comando de administración "{verb}"; los comandos son: {commands}',
  'admin.client.needPort': 'di dónde está el puerto de administración: --port N, o SMALLPOP3_ADMIN_PORT (lo muestra el mensaje de inicio del servidor)',
  'admin.client.needSecret': 'da el secreto de administración: SMALLPOP3_ADMIN_SECRET=... (o --secret, que otros usuarios de esta máquina pueden ver en la lista de procesos)',
  'admin.client.refused': 'no hay nada escuchando en {host}, puerto {port}: ¿está el servidor en marcha con --admin-port {port}?',
  'admin.client.timeout': 'no se ha podido conectar con {host}, puerto {port}, en {seconds} segundos',
  'admin.client.failed': 'no se puede conectar con {host}, puerto {port} ({reason})',
  'admin.client.closed': 'el servidor de {host}, puerto {port}, ha cerrado la conexión antes de responder',
  'admin.client.noReply': 'no ha llegado ninguna respuesta de {host}, puerto {port}, en {seconds} segundos',
  'admin.client.notAdmin': '{host}, puerto {port}, no habla el protocolo de administración (¿es el puerto POP3?)',
  'admin.client.refusedBy': 'el servidor se ha negado: {text}',
  // la cabecera de cada columna de las tablas que muestra smallpop3 admin, por el nombre del campo en el protocolo (docs/admin-protocol.md)
  'admin.column.id': 'ID',
  'admin.column.user': 'USUARIO',
  'admin.column.remote': 'DIRECCIÓN',
  'admin.column.state': 'ESTADO',
  'admin.column.idle': 'INACTIVO',
  'admin.column.tls': 'TLS',
  'admin.column.in': 'ENTRADA',
  'admin.column.out': 'SALIDA',
  'admin.column.commands': 'COMANDOS',
  'admin.column.last': 'ÚLTIMO',
  'admin.column.done': 'HECHOS',
  'admin.column.exercise': 'EJERCICIO',
  'admin.column.step': 'PASO',
  'admin.column.errors': 'ERRORES',
  'admin.column.stuck': 'ATASCADO',
  'admin.column.sessions': 'SESIONES',
  'admin.column.mailbox': 'BUZÓN',
  'admin.value.true': 'sí',
  'admin.value.false': 'no',
  'help.admin': `smallpop3 admin COMANDO [ARGUMENTOS]: vigila y gestiona un servidor en marcha

Envía un comando del protocolo de administración (docs/admin-protocol.md) a
un servidor arrancado con --admin-port N, y muestra la respuesta: en tablas
para leerla una persona, o en JSON con --json.

Comandos:
  {commands}

Opciones:
  -p, --port N          el puerto de administración (por defecto,
                        SMALLPOP3_ADMIN_PORT)
  -H, --host DIRECCIÓN  la dirección del servidor (por defecto 127.0.0.1)
      --secret SECRETO  el secreto de administración (por defecto,
                        SMALLPOP3_ADMIN_SECRET, que es más seguro: otros
                        pueden ver una línea de comandos)
      --json            muestra la respuesta en JSON, para scripts

Ejemplos:
  SMALLPOP3_ADMIN_SECRET=... smallpop3 admin sessions --port 65100
  smallpop3 admin adduser s31 tulip-42 --port 65100
  smallpop3 admin kick 7 --port 65100

Estado de salida: 0 si se ha hecho, 1 si el servidor se ha negado (-ERR, o un
secreto incorrecto), 2 si hay un error de uso, 3 si no se ha podido llegar al
servidor o no ha respondido.`,
  // ── la clase: smallpop3 class (lib/classroom.ts) ─────────────────────────
  'class.needStudents': 'di cuántos estudiantes hay con --students N (de 1 a {max}), o da sus nombres con --roster ARCHIVO; una de las dos cosas',
  'class.needOut': 'di en qué carpeta escribir la clase con --out DIR, por ejemplo: smallpop3 class --students 30 --out lab',
  'class.badPrefix': 'la opción --prefix tiene que empezar por una letra minúscula y contener solo a-z, 0-9, ".", "-" y "_" (como mucho 16), no "{value}"',
  'class.exists': '{dir} ya contiene una clase (ahí está {what}): volver a escribirla borraría el correo y las contraseñas de los estudiantes; elige otra carpeta con --out, o añade --force para sustituirla',
  'class.inUse': 'ahora no se puede sustituir la clase de {dir}: una sesión de "{user}" tiene abierto su buzón; ciérrala con QUIT (o para el servidor) y vuelve a ejecutarlo',
  'class.badFrom': 'no se puede usar {path} como buzón de ejemplo (--from): {reason}',
  'class.sampleTooBig': 'el buzón de ejemplo {path} ocupa {octets|octeto|octetos}; una clase lo copia para cada estudiante, así que puede ocupar como mucho {cap|octeto|octetos}',
  'class.fewMessages': 'el buzón de ejemplo {path} tiene {count|mensaje|mensajes}; los ejercicios necesitan al menos {min}',
  'class.roster.unreadable': 'no se puede leer la lista de clase {path} ({reason}); revisa el archivo indicado en --roster',
  'class.roster.empty': 'la lista de clase {path} no tiene ningún nombre: escribe un nombre por línea (o un CSV cuya primera columna, o la columna "name", sea el nombre)',
  'class.roster.emptyName': '{path}:{line}: el nombre está vacío; escríbelo o quita la línea',
  'class.roster.duplicate': '{path}:{line}: "{name}" ya está en la línea {first}; dos estudiantes necesitan dos nombres distintos (añade una inicial)',
  'class.roster.tooMany': 'la lista de clase {path} tiene {count} nombres; una clase tiene como mucho {max}',
  'class.notAClass': '{dir} no contiene ninguna clase creada con "smallpop3 class" (no hay un class.json legible): --restore solo rehace un buzón ahí',
  'class.noStudent': 'no hay ningún estudiante "{user}" en {dir}/maillist',
  'class.restored': '{user}: el buzón vuelve a estar como se creó, con {count|mensaje|mensajes} (la contraseña no cambia)',
  'class.note.subject': 'Solo para ti: {words}',
  'class.note.body': `Este mensaje solo está en tu buzón. El buzón de quien se sienta a tu lado
tiene otros mensajes, en otro orden y de otros tamaños, así que tus números
son solo tuyos: al comparar, fíjate en cómo funciona POP3, no en los números.

Unas cuantas palabras para que este mensaje tenga su propio tamaño:`,
  'class.maillistHeader': `clase de smallpop3 con {count|estudiante|estudiantes}, buzones variados con la semilla {seed} a partir de {from}
usuario contraseña buzón (las contraseñas están en claro: no compartas este archivo)`,
  'class.handout.intro': `# Práctica de POP3: tu cuenta

Cada cuenta de abajo tiene su propio buzón en el servidor POP3 de la práctica.
Sus mensajes son distintos de los de los demás (otros asuntos, tamaños y orden,
y uno más o uno menos), así que tus números en STAT, LIST y UIDL son solo tuyos.
Los ejercicios 4, 5 y 11 borran mensajes para siempre, y los demás leen los
mensajes por su número: haz el 4, el 5 y el 11 al final, en ese orden. Si has
borrado correo demasiado pronto, tu profesor puede dejarte el buzón como estaba.`,
  'class.handout.student': `## {heading}

| | |
| --- | --- |
| usuario | \`{user}\` |
| contraseña | \`{password}\` |
| conexión | \`{telnet}\` (o \`{nc}\`) |

Los ejercicios inician sesión como guest (o sam, busy, maria) con la contraseña
de esa cuenta: escribe en su lugar \`USER {user}\` y \`PASS {password}\`. No le
digas tu contraseña a nadie.`,
  'class.csvHeader': 'usuario,nombre,contraseña,host,puerto,conexión',
  'class.done': `Se ha escrito una clase de {count|estudiante|estudiantes} en {dir}:
  maillist      las cuentas (contraseñas en claro: solo tú debes poder leerlo)
  mail/         un buzón para cada uno ({kind}), variado a partir de {from} con la semilla {seed}
  handout.md    una cuenta por sección, para imprimir y recortar
  handout.csv   lo mismo, para una hoja de cálculo
Sírvela a la clase con:  smallpop3 --maillist {maillist} --host 0.0.0.0
Para dejar el buzón de un estudiante como se creó:  smallpop3 class --out {dir} --restore USUARIO`,
  'class.hostGiven': 'La hoja de la práctica dice que hay que conectarse a {host}, puerto {port}.',
  'class.hostNetwork': 'La hoja de la práctica dice que hay que conectarse a {host}, puerto {port}: la dirección de esta máquina en la red; si los estudiantes llegan a ella por otra, vuelve a ejecutarlo con --host DIRECCIÓN --force (contraseñas nuevas) o edita la hoja.',
  'class.hostPlaceholder': 'Esta máquina no tiene dirección de red, así que la hoja de la práctica pone {host} donde va la dirección del servidor: cámbialo en handout.md y handout.csv, o vuelve a ejecutarlo con --host DIRECCIÓN --force.',
  'class.seedChosen': 'La semilla se ha elegido al azar: usa --seed {seed} para volver a crear los mismos buzones.',
  'help.class': `smallpop3 class: cuentas y buzones para toda una clase

Uso:
  smallpop3 class --students N --out DIR [opciones]
  smallpop3 class --roster ARCHIVO --out DIR [opciones]

Escribe en DIR un maillist con una cuenta por estudiante (s01, s02, ... o un
nombre de la lista de clase), cada una con una contraseña aleatoria y su propio
buzón, y una hoja para repartir (handout.md, handout.csv) con el usuario, la
contraseña y cómo conectarse. Cada buzón es el del ejemplo, variado a partir de
la semilla: otros asuntos y tamaños, otro orden, un mensaje más o menos, para
que nadie pueda copiar los números de otro; todos los ejercicios siguen
funcionando, y "smallpop3 check N --user s01 --maillist DIR/maillist" juzga
los números de cada estudiante como suyos.

Opciones:
  --students N           cuántos estudiantes (de 1 a 1000): usuarios s01,
                         s02, ...
  --roster ARCHIVO       en su lugar, un CSV de nombres, un estudiante por
                         línea (la primera columna, o la que tiene el título
                         "name"); los nombres de usuario salen de los nombres
                         (ASCII, en minúsculas, sin repetir)
  --prefix TEXTO         el principio de los nombres de usuario numerados
                         (por defecto s)
  --from BUZÓN           el buzón de ejemplo: un archivo mbox o una carpeta
                         maildir (por defecto, el del ejemplo incluido,
                         usuario guest); todos los estudiantes reciben el
                         mismo tipo
  --seed TEXTO           a partir de qué se varían los buzones: la misma
                         semilla da los mismos buzones (por defecto, una al
                         azar, que se muestra); las contraseñas siempre son
                         aleatorias
  -H, --host DIRECCIÓN   la dirección a la que la hoja dice que se conecten
                         los estudiantes (por defecto, la de esta máquina en
                         la red)
  -p, --port N           el puerto que indica la hoja (por defecto 65000)
  --out DIR              la carpeta donde escribir (se crea si hace falta)
  --force                sustituye una clase que ya esté en DIR (se rechaza
                         mientras un estudiante tenga una sesión abierta)
  --restore USUARIO,...  rehace los buzones de estos estudiantes tal como se
                         crearon (la clase de --out DIR; las contraseñas no
                         cambian): los ejercicios 4, 5 y 11 borran correo
                         para siempre

Después, sírvela:  smallpop3 --maillist DIR/maillist --host 0.0.0.0`,

  // ── vista web: la vista de la clase en directo, en el navegador (issue 13) ─
  'banner.web': 'Vista de la clase: {url}\n    (en un navegador; entra con el secreto de administración)',
  'banner.webGenerated': 'Vista de la clase: {url}\n    (el enlace lleva el secreto: ábrelo en un navegador de esta máquina)',
  'cli.webNeedsPort': '--web-host necesita --web-port: la vista de la clase solo se abre si se pide',
  'web.language': 'Español',
  'web.title': 'smallpop3: la clase, en directo',
  'web.login.title': 'Vista de la clase',
  'web.login.prompt': 'Escribe el secreto de administración (lo muestra el mensaje de inicio de "smallpop3", o es el --admin-secret que elegiste):',
  'web.login.button': 'Abrir',
  'web.login.wrong': 'Ese no es el secreto. Inténtalo otra vez.',
  'web.login.failed': 'No se ha podido llegar al servidor: {reason}',
  'web.header.connected': '{connected} de {students|estudiante conectado|estudiantes conectados}',
  'web.header.connections': '{count|conexión abierta|conexiones abiertas}',
  'web.header.average': 'Progreso medio {percent} %',
  'web.header.exercise': 'empezado: {started}, hecho: {finished}',
  'web.header.notRecorded': 'Las sesiones no se graban (no hay carpeta de transcripciones): no se sabe cómo van los ejercicios.',
  'web.live.lost': 'Se ha perdido la conexión con el servidor; volviendo a intentarlo…',
  'web.col.student': 'Estudiante',
  'web.col.connected': 'Conectado',
  'web.col.exercise': 'Va por',
  'web.col.done': 'Hechos',
  'web.col.last': 'Último comando y respuesta',
  'web.col.idle': 'Inactivo',
  'web.col.errors': 'Errores seguidos',
  'web.connected.yes': 'sí',
  'web.connected.no': 'no',
  'web.on': 'ejercicio {exercise}, paso {step}',
  'web.on.exercise': 'ejercicio {exercise}',
  'web.on.allDone': 'todo hecho',
  'web.on.unknown': '—',
  'web.stuck': 'atascado',
  'web.seat': 'Puesto {seat}',
  'web.idle.never': '—',
  'web.idle.seconds': '{seconds} s',
  'web.idle.minutes': '{minutes} min {seconds} s',
  'web.idle.hours': '{hours} h {minutes} min',
  'web.projector': 'Modo proyector',
  'web.projector.off': 'Salir del modo proyector',
  'web.csv': 'Exportar CSV',
  'web.choose': 'Idioma',
  'web.log.title': 'Registro de la sesión de {user}',
  'web.log.hint': 'Haz clic en un estudiante para ver su sesión en directo.',
  'web.log.empty': 'Todavía nada desde que arrancó el servidor.',
  'web.log.close': 'Cerrar',
  'web.csv.user': 'usuario',
  'web.csv.done': 'ejercicios hechos',
  'web.csv.exercise': 'ejercicio {number}: {title}',
  'web.csv.finished': 'hecho',
  'web.csv.step': 'paso {step}',

  // ── demostración, reproductor y comprobación de pasos ────────────────────
  'check.skipped': 'sin hacer, aunque el paso {later}, que va después, sí lo está; para hacerlo, escribe: {lines}',
  'check.skippedTls': 'sin hacer, aunque el paso {later}, que va después, sí lo está; para hacerlo, conéctate con openssl como muestra el ejercicio (telnet no sabe hablar TLS) y escribe: {lines}',
  'check.try.line': 'este paso pide: {line}',
  'check.try.typo': '"{verb}" no es un comando de POP3; este paso pide: {line}',
  'check.try.args': 'el comando es el correcto, pero con otras palabras detrás; este paso pide: {line}',
  'check.try.login': 'esto se hace con la sesión iniciada; inicia sesión primero con USER y PASS, y después escribe: {line}',
  'check.try.beforeLogin': 'esto se hace antes de iniciar sesión; vuelve a conectarte (una conexión nueva empieza en el estado AUTHORIZATION) y escribe: {line}',
  'check.try.newConnection': 'esto se hace en una conexión aparte; abre otro telnet (o nc) al servidor y escribe ahí: {line}',
  'check.try.sameConnection': 'esto se hace en la misma conexión que los pasos anteriores; escribe ahí: {line}',
  'cli.unknownOptionOf': 'opción desconocida {option} para "smallpop3 {command}"; "smallpop3 help {command}" muestra sus opciones',

  'demo.needTerminal': 'la demostración avanza con el teclado, así que necesita una terminal; ejecútala en una, o añade --auto para que avance sola (--delay SEGUNDOS marca el ritmo)',
  'demo.badDelay': 'la opción --delay necesita un número de segundos entre 0 y 60 (como 2 o 0.5), no "{value}"',
  'demo.title': 'Demostración del ejercicio {number}: {title}',
  'demo.learn': '**Qué enseña:** {learn}',
  'demo.server': 'La demostración tiene su propio servidor en {where}, que sirve una copia de {source} hecha para esta demostración y borrada al final: lo que se borre nunca se pierde.',
  'demo.sourceSample': 'los buzones de ejemplo incluidos',
  'demo.sourceMaillist': 'los buzones de {file}',
  'demo.keys': 'Intro o espacio: siguiente    b: un paso atrás    p: escribir una línea    q: salir',
  'demo.keysEnd': 'Fin del ejercicio.    b: un paso atrás    p: escribir una línea    q o Intro: salir',
  'demo.step': 'Paso {number} de {total}: {title}',
  'demo.connection': 'conexión {label}',
  'demo.connected': 'una conexión nueva: telnet {host} {port}',
  'demo.closed': 'el servidor ha cerrado la conexión',
  'demo.expected': 'el ejercicio muestra: {expected}',
  'demo.bodyDiffers': 'las líneas de esta respuesta no coinciden con las que muestra el ejercicio',
  'demo.moreLines': '… {count|línea más|líneas más}',
  'demo.ownLine': 'Una línea tuya, en la conexión {label} (Intro la envía; una línea vacía no envía nada): ',
  'demo.back': 'Vuelta al paso {number}: el ejercicio se reproduce otra vez desde una copia nueva de los buzones …',
  'demo.allMatched': 'Todas las respuestas coinciden con el ejercicio {number} ({count|respuesta|respuestas}).',
  'demo.mismatched': 'No coinciden con el ejercicio {number}: {count|respuesta|respuestas} de {total}; la primera, en el paso {step}, {line}: {problem}',
  'demo.mismatchStatus': 'el servidor ha respondido "{answered}" y el ejercicio muestra "{expected}"',
  'demo.mismatchBody': 'las líneas de la respuesta no coinciden con las que muestra el ejercicio',
  'demo.failed': 'la demostración se ha detenido en el paso {step}: {reason}',
  // los fallos del reproductor de ejercicios, que detienen una demostración (el motivo de demo.failed)
  'player.refused': 'no hay nada escuchando en {host}, puerto {port}: ¿está el servidor en marcha?',
  'player.connectFailed': 'no se puede conectar con {host}, puerto {port} ({reason})',
  'player.noConnection': 'no se ha podido conectar con {host}, puerto {port}, en {ms} ms',
  'player.noTlsPort': 'la conexión {label} del ejercicio va al puerto TLS (POP3S), y el servidor no tiene ninguno',
  'player.noReply': 'el servidor no ha respondido en {ms} ms',
  'player.noBodyEnd': 'la respuesta multilínea no ha terminado (con una línea que solo contenga ".") en {ms} ms',
  'player.noClose': 'el servidor no ha cerrado la conexión en los {ms} ms siguientes a QUIT',
  'player.noEvent': 'el servidor no ha notificado ningún evento {event} en {ms} ms',
  'player.closed.reply': 'el servidor ha cerrado la conexión antes de responder',
  'player.closed.body': 'el servidor ha cerrado la conexión antes del final de la respuesta multilínea',
  'player.afterStls': 'el servidor ha enviado {octets|octeto|octetos} después del +OK de STLS, antes de empezar TLS',
  'player.noHandshake': 'la negociación TLS no ha terminado en {ms} ms',
  'player.tlsFailed': 'la negociación TLS ha fallado ({reason})',
  'player.fingerprint': 'el certificado del servidor tiene la huella {seen}, no {expected}',
  'demo.bytes.sent': 'enviado: {octets|octeto|octetos}',
  'demo.bytes.status': 'línea de estado: {octets|octeto|octetos} con su CRLF',
  'demo.bytes.body': 'cuerpo: {lines|línea|líneas}, {wire|octeto|octetos} en la conexión: {octets|octeto|octetos} de texto, {stuffed|punto añadido|puntos añadidos} por dot-stuffing y los 3 octetos de la última línea ".␍␊"',
  'demo.bytes.stuffed': '← se ha añadido un ".": la línea empieza por "."',
  'demo.bytes.end': '← el final de la respuesta',
  'help.demo': `smallpop3 demo [EJERCICIO]: muestra un ejercicio a una clase, paso a paso

Arranca su propio servidor y reproduce el ejercicio (por defecto, el 1) como
un cliente que sigue un guion, un intercambio cada vez: la línea escrita, la
respuesta del servidor, qué significan las dos y el estado antes y después,
con el texto del propio ejercicio entre los pasos. Trabaja sobre una copia
de los buzones y la restaura al final, así que una demostración que borra
correo se puede volver a mostrar.

Teclas:
  Intro o espacio  el siguiente intercambio
  b                un paso atrás (el ejercicio se reproduce otra vez desde
                   una copia nueva)
  p                pausa para escribir una línea tuya en la misma sesión
  q o Ctrl-C       terminar

Opciones:
  -p, --port N            puerto TCP del servidor de la demostración (por
                          defecto 65000; 0 elige uno libre)
  -H, --host DIRECCIÓN    dirección en la que escuchar (por defecto 127.0.0.1)
  -m, --maillist ARCHIVO  usa una copia de los buzones de estas cuentas (por
                          defecto, el ejemplo incluido)
      --auto              avanza sola, sin teclas (también sin terminal)
      --delay SEGUNDOS    con --auto, la pausa antes de cada intercambio (por
                          defecto 2; 0 para no hacer pausa)
      --bytes             muestra los bytes tal cual: CRLF como ␍␊, los octetos
                          de cada respuesta, las líneas con dot-stuffing
      --lang IDIOMA       idioma del ejercicio, de las respuestas del
                          servidor y de las explicaciones: {languages}

Estado de salida: 0 al terminar (con --auto, solo si todas las respuestas
coinciden con el ejercicio), 1 si una respuesta no coincide (--auto) o la
demostración falla, 2 si hay un error de uso, 130 tras Ctrl-C.`,

  // ── la guía ──────────────────────────────────────────────────────────────
  'exercise.badAccept': 'paso {step}: **Se acepta:** indica "{accept}", que no es ninguna de las **Opciones:**',
  'guide.needTerminal': 'la guía es interactiva, así que necesita una terminal: ejecútala en una; o haz el ejercicio en telnet con "smallpop3" en marcha y comprueba tu trabajo con: smallpop3 check {number}',
  'guide.menu': '¿Qué ejercicio? (✔ hecho en tus sesiones grabadas)',
  'guide.menuDone': '✔ {number}. {title}',
  'guide.menuTodo': '  {number}. {title}',
  'guide.server': 'Tu servidor escucha en el puerto {port} y sirve {source}; todas las sesiones se graban, así que "smallpop3 check" ve tu trabajo.',
  'guide.sourceSample': 'una copia de trabajo de los buzones de ejemplo ("smallpop3 reset" la restaura)',
  'guide.sourceMaillist': 'las cuentas de {file}',
  'guide.connect': 'En una segunda terminal, escribe:  {telnet}',
  'guide.connectTls': 'Por TLS (el puerto POP3S):  {command}',
  'guide.connectAlt': '(¿no tienes telnet? {nc} hace lo mismo)',
  'guide.title': 'Ejercicio {number}: {title}',
  'guide.learn': '**Qué aprenderás:** {learn}',
  'guide.step': 'Paso {number} de {total}: {title}',
  'guide.type': 'Escribe en tu telnet:',
  'guide.typeNew': 'Escribe en una conexión telnet nueva (deja abierta la otra):',
  'guide.typeConnect': 'Conéctate desde una segunda terminal:',
  'guide.typeStls': 'telnet no sabe hablar TLS: conéctate con openssl s_client -starttls pop3, como muestra el ejercicio arriba (openssl envía STLS por ti), y luego escribe:',
  'guide.typeTls': 'Con TLS desde el primer byte, que telnet no sabe hacer: conéctate al puerto TLS con openssl s_client -connect, como muestra el ejercicio arriba (o con el cliente que indica), y luego escribe:',
  'guide.keys': 'Te espero en telnet …    h: pista    q: salir',
  'guide.keysTls': 'Te espero en openssl …    h: pista    q: salir',
  // la línea de teclas bajo una elección: las flechas mueven, Intro elige
  'guide.choice.navigate': 'cambiar de opción',
  'guide.choice.select': 'elegir',
  'guide.connected': 'una conexión nueva (sesión {session})',
  'guide.disconnected': 'sesión {session} cerrada',
  'guide.restarted': 'La conexión se ha cerrado antes de terminar el paso {step}: el paso vuelve a empezar, en una conexión nueva.',
  'guide.miss': 'Todavía no es este paso: {advice}',
  'guide.done': '✔ Paso {number} hecho.',
  'guide.hint.connect': 'Pista: el paso empieza con una conexión nueva al servidor, desde una terminal aparte.',
  'guide.hint.verb': 'Pista: la siguiente línea empieza por un comando de {length} letras cuya inicial es "{initial}"{args}.',
  'guide.hint.args': ', seguido de {count|argumento|argumentos}',
  'guide.hint.exact': 'Escribe exactamente: {line}',
  'guide.hint.exactNew': 'Escribe exactamente, en una conexión nueva (telnet o nc; deja abierta la otra): {line}',
  'guide.hint.none': 'No hay más ayuda: la línea de arriba es la que tienes que escribir.',
  'guide.question': 'Pregunta: {question}',
  'guide.typeAnswer': 'Tu respuesta:',
  'guide.right': '✔ Correcto.',
  'guide.wrong': '✘ No del todo.',
  'guide.ungraded': 'Piénsalo y después lee la respuesta:',
  'guide.answer': '**Respuesta:** {answer}',
  'guide.noExchange': 'En este paso no hay nada que escribir: léelo y sigue.',
  'guide.summary': 'Ejercicio {number} terminado: {done} de {total} pasos, {right} de {asked} preguntas bien respondidas.',
  'guide.summaryNoQuestions': 'Ejercicio {number} terminado: {done} de {total} pasos.',
  'guide.taught': '**Qué ha enseñado:** {learn}',
  'guide.nextIs': 'Siguiente: ejercicio {number}, {title}.',
  'guide.last': 'Era el último ejercicio.',
  'guide.goOn': 'Seguir con el ejercicio {number}: {title}',
  'guide.leave': 'Salir de la guía',
  'guide.whatNow': '¿Y ahora qué? (tu servidor sigue en marcha hasta que salgas)',
  'guide.bye': 'La guía ha parado su servidor: las sesiones abiertas se han cerrado sin UPDATE.',
  'help.guide': `smallpop3 guide [EJERCICIO]: haz un ejercicio con un tutor

Arranca su propio servidor y te guía por un ejercicio, paso a paso: qué hacer
y por qué, y qué líneas escribir en telnet. Como vigila el servidor, pasa al
paso siguiente en cuanto lo has hecho desde tu telnet, te muestra la
respuesta del servidor explicada y, si has escrito otra cosa, te dice qué ha
fallado y qué puedes probar. Después te hace las preguntas del ejercicio. Sin
EJERCICIO, muestra un menú de los ejercicios, con los ya hechos marcados con ✔.

Las sesiones se graban igual que con "smallpop3", así que
"smallpop3 check N" ve tu trabajo.

Teclas mientras te espera:
  h             una pista; otra vez: la línea exacta que hay que escribir
  q             salir (también Ctrl-C)

Opciones:
  -p, --port N            puerto TCP de su servidor (por defecto 65000; 0 elige
                          uno libre)
  -H, --host DIRECCIÓN    dirección en la que escuchar (por defecto 127.0.0.1)
  -m, --maillist ARCHIVO  archivo de cuentas, como en el servidor (por defecto,
                          ./maillist si existe; si no, la copia de trabajo del
                          ejemplo)
      --transcripts DIR   dónde grabar las sesiones (por defecto, como en el
                          servidor)
      --lang IDIOMA       idioma del ejercicio, de las respuestas del
                          servidor y de las explicaciones: {languages}

Necesita una terminal; sin ella, haz el ejercicio en telnet contra
"smallpop3" y ejecuta "smallpop3 check N".

Estado de salida: 0 cuando sales, 1 si algo falla (un puerto ocupado), 2 si
hay un error de uso o no hay terminal, 130 tras Ctrl-C.`,
}

export default es
