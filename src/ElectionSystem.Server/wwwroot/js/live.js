// The hub connection every live page uses. SignalR's automatic reconnect covers short drops; the
// outer loop covers a server restart (when automatic reconnect gives up). On every (re)connect the
// page refetches its state over HTTP, so it is whole again whatever it missed.
export function connectLive({ accessToken, handlers, onConnected, onStatus }) {
  const options = accessToken ? { accessTokenFactory: () => accessToken } : {};
  let connection;

  const build = () => {
    connection = new signalR.HubConnectionBuilder()
      .withUrl('/hubs/congress', options)
      .withAutomaticReconnect([0, 1000, 2000, 5000, 5000, 10000])
      .configureLogging(signalR.LogLevel.Warning)
      .build();
    for (const [name, fn] of Object.entries(handlers)) connection.on(name, fn);
    connection.onreconnecting(() => onStatus?.('reconnecting'));
    connection.onreconnected(async () => { onStatus?.('connected'); await onConnected?.(); });
    connection.onclose(() => { onStatus?.('reconnecting'); startLoop(); });
  };

  const startLoop = async () => {
    for (let attempt = 0; ; attempt++) {
      try {
        build();
        await connection.start();
        onStatus?.('connected');
        await onConnected?.();
        return;
      } catch {
        onStatus?.('reconnecting');
        await new Promise((r) => setTimeout(r, Math.min(1000 * (attempt + 1), 5000)));
      }
    }
  };

  startLoop();
  return { get connection() { return connection; } };
}
