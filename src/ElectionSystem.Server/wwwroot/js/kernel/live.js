// The one way to reach the hub (/hubs/congress). SignalR's automatic reconnect covers short drops;
// the outer loop covers a server restart (when automatic reconnect gives up). On every (re)connect
// the page refetches its state over HTTP (onConnected), so it is whole again whatever it missed.
// The SignalR browser bundle is the page's <script src="/lib/signalr.min.js">.
//   const live = connectLive({
//     accessToken,            // optional: a string or a function (the projector's key, the tablet's token)
//     handlers,               // { HubMethodName(payload) }
//     onConnected,            // refetch: after the first connect and every reconnect
//     onStatus,               // 'connected' | 'reconnecting' | 'offline' (a start attempt failed)
//   });
//   live.stop();              // for good (the tablet signing out)
export function connectLive({ accessToken, handlers = {}, onConnected, onStatus }) {
  const token = typeof accessToken === 'function' ? accessToken : () => accessToken;
  const options = accessToken ? { accessTokenFactory: token } : {};
  let connection;
  let stopped = false;

  const build = () => {
    connection = new signalR.HubConnectionBuilder()
      .withUrl('/hubs/congress', options)
      .withAutomaticReconnect([0, 1000, 2000, 5000, 5000, 10000])
      .configureLogging(signalR.LogLevel.Warning)
      .build();
    for (const [name, fn] of Object.entries(handlers)) connection.on(name, fn);
    connection.onreconnecting(() => onStatus?.('reconnecting'));
    connection.onreconnected(async () => { onStatus?.('connected'); await onConnected?.(); });
    connection.onclose(() => {
      if (stopped) return;
      onStatus?.('reconnecting');
      startLoop();
    });
  };

  const startLoop = async () => {
    for (let attempt = 0; !stopped; attempt++) {
      try {
        build();
        await connection.start();
      } catch {
        if (stopped) return;
        onStatus?.('offline');
        await new Promise((r) => setTimeout(r, Math.min(1000 * (attempt + 1), 5000)));
        continue;
      }
      if (stopped) { connection.stop(); return; }
      onStatus?.('connected');
      await onConnected?.();
      return;
    }
  };

  startLoop();
  return {
    get connection() { return connection; },
    stop() {
      stopped = true;
      connection?.stop();
    },
  };
}
