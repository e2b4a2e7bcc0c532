// react-chat-widget (React 17) with its stylesheet, rendered as its docs show.
import { createElement } from 'react';
import { render } from 'react-dom';
import { Widget } from 'react-chat-widget';
import css from 'react-chat-widget/lib/styles.css?inline';

const style = document.createElement('style');
style.textContent = css;
document.head.append(style);
const mount = document.createElement('div');
document.body.append(mount);
render(createElement(Widget, { title: 'Welcome', subtitle: 'Ask us anything', handleNewUserMessage: () => {} }), mount);
