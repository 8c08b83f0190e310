// The locking tests again with every small file operation on the thread pool, as on a network
// file system (lib/small-files.ts), where they run at once on a local disk: both ways must
// keep one session per maildrop and lose nothing. The servers they spawn inherit the setting.
process.env.SMALLPOP3_FS = 'async'
await import('./locking.test.js')
