// mapeq web page, built from web/ (sources sha256 0bb8824a04c7a26b041290d1a34de22afba03c6ee612199c15e1454e92b6af0a)
var U=class extends Error{constructor(n,e,r,i){super(r),this.status=n,this.code=e,this.field=i??null}},In="mapeq-api-key";function Ln(){try{return localStorage.getItem(In)||""}catch{return""}}function $e(t){try{t?localStorage.setItem(In,t):localStorage.removeItem(In)}catch{}}function Ee(){let t=Ln();return t?{"X-API-Key":t}:{}}async function Se(t,n,e){let r=e instanceof FormData;try{return await fetch(n,{method:t,headers:e===void 0||r?Ee():{...Ee(),"Content-Type":"application/json"},body:e===void 0||r?e:JSON.stringify(e)})}catch(i){throw new U(0,"network_error",`the server did not answer (${i.message})`,null)}}async function Rn(t,n=void 0){let e=await Se(n===void 0?"GET":"POST",t,n);if(!e.ok){let o=(await e.json().catch(()=>null))?.error;throw new U(e.status,o?.code??"http_error",o?.message??`${e.status}`,o?.field??null)}let r=e.headers.get("Content-Disposition")??"",i=/filename="([^"]*)"/.exec(r)?.[1]??"";return{blob:await e.blob(),name:i}}async function Pn(t,n,e){let r=await Se(t,n,e),i=await r.text(),o=null;try{o=i?JSON.parse(i):null}catch{o=null}if(!r.ok){let a=o?.error;throw new U(r.status,a?.code??"http_error",a?.message??`${r.status} ${i.slice(0,200)}`,a?.field??null)}return o}var nn=(t,n)=>Pn("POST",t,n),On=t=>Pn("GET",t);async function Te(){try{let t=await On("/openapi.json"),n=t?.paths??{},e=(n["/v1/infomap/file"]?.post?.parameters??[]).find(i=>i.name==="format"),r=(e?.schema?.anyOf??[e?.schema??{}]).flatMap(i=>i.enum??[]);return{jobs:!!(n["/v1/jobs/infomap/file"]?.post&&n["/v1/jobs/{job_id}"]?.get),jobResult:!!n["/v1/jobs/{job_id}/result"]?.get,vectorJobs:!!(n["/v1/jobs"]?.post&&n["/v1/jobs/{job_id}"]?.get),vectors:!!n["/v1/cluster/vectors"]?.post,formats:r,version:t?.info?.version??""}}catch{return{jobs:!1,jobResult:!1,vectorJobs:!1,vectors:!1,formats:[],version:""}}}var ii=t=>new Promise(n=>setTimeout(n,t));async function Dn(t,n,e,{interval:r=250,signal:i}={}){let o=await nn(t,n);for(e(o);!["succeeded","failed","cancelled"].includes(o.status);){if(i?.aborted)throw await Pn("DELETE",`/v1/jobs/${o.id}`).catch(()=>{}),new U(0,"cancelled","cancelled",null);await ii(r),o=await On(`/v1/jobs/${o.id}`),e(o)}if(o.status!=="succeeded")throw new U(422,`job_${o.status}`,`job ${o.status}${o.error?`: ${o.error}`:""}`,null);return{job:o,result:await On(`/v1/jobs/${o.id}/result`)}}var Bn=[{key:"karate",title:"Zachary's karate club (34 nodes)",file:"karate.net",format:"pajek",text:`# Zachary's karate club (34 nodes, 78 edges), 1-based ids
*Vertices 34
1 "1"
2 "2"
3 "3"
4 "4"
5 "5"
6 "6"
7 "7"
8 "8"
9 "9"
10 "10"
11 "11"
12 "12"
13 "13"
14 "14"
15 "15"
16 "16"
17 "17"
18 "18"
19 "19"
20 "20"
21 "21"
22 "22"
23 "23"
24 "24"
25 "25"
26 "26"
27 "27"
28 "28"
29 "29"
30 "30"
31 "31"
32 "32"
33 "33"
34 "34"
*Edges 78
1 2
1 3
1 4
1 5
1 6
1 7
1 8
1 9
1 11
1 12
1 13
1 14
1 18
1 20
1 22
1 32
2 3
2 4
2 8
2 14
2 18
2 20
2 22
2 31
3 4
3 8
3 9
3 10
3 14
3 28
3 29
3 33
4 8
4 13
4 14
5 7
5 11
6 7
6 11
6 17
7 17
9 31
9 33
9 34
10 34
14 34
15 33
15 34
16 33
16 34
19 33
19 34
20 34
21 33
21 34
23 33
23 34
24 26
24 28
24 30
24 33
24 34
25 26
25 28
25 32
26 32
27 30
27 34
28 34
29 32
29 34
30 33
30 34
31 33
31 34
32 33
32 34
33 34
`},{key:"lesmis",title:"Les Mis\xE9rables co-appearances (77 nodes, weighted)",file:"lesmis.net",format:"pajek",text:`# Les Miserables co-appearances (networkx), weighted
*Vertices 77
1 "Anzelma"
2 "Babet"
3 "Bahorel"
4 "Bamatabois"
5 "BaronessT"
6 "Blacheville"
7 "Bossuet"
8 "Boulatruelle"
9 "Brevet"
10 "Brujon"
11 "Champmathieu"
12 "Champtercier"
13 "Chenildieu"
14 "Child1"
15 "Child2"
16 "Claquesous"
17 "Cochepaille"
18 "Combeferre"
19 "Cosette"
20 "Count"
21 "CountessDeLo"
22 "Courfeyrac"
23 "Cravatte"
24 "Dahlia"
25 "Enjolras"
26 "Eponine"
27 "Fameuil"
28 "Fantine"
29 "Fauchelevent"
30 "Favourite"
31 "Feuilly"
32 "Gavroche"
33 "Geborand"
34 "Gervais"
35 "Gillenormand"
36 "Grantaire"
37 "Gribier"
38 "Gueulemer"
39 "Isabeau"
40 "Javert"
41 "Joly"
42 "Jondrette"
43 "Judge"
44 "Labarre"
45 "Listolier"
46 "LtGillenormand"
47 "Mabeuf"
48 "Magnon"
49 "Marguerite"
50 "Marius"
51 "MlleBaptistine"
52 "MlleGillenormand"
53 "MlleVaubois"
54 "MmeBurgon"
55 "MmeDeR"
56 "MmeHucheloup"
57 "MmeMagloire"
58 "MmePontmercy"
59 "MmeThenardier"
60 "Montparnasse"
61 "MotherInnocent"
62 "MotherPlutarch"
63 "Myriel"
64 "Napoleon"
65 "OldMan"
66 "Perpetue"
67 "Pontmercy"
68 "Prouvaire"
69 "Scaufflaire"
70 "Simplice"
71 "Thenardier"
72 "Tholomyes"
73 "Toussaint"
74 "Valjean"
75 "Woman1"
76 "Woman2"
77 "Zephine"
*Edges 254
64 63 1
63 51 8
63 57 10
63 21 1
63 33 1
63 12 1
63 23 1
63 20 2
63 65 1
63 74 5
51 57 6
51 74 3
57 74 3
74 44 1
74 49 1
74 55 1
74 39 1
74 34 1
74 28 9
74 59 7
74 71 12
74 19 31
74 40 17
74 29 8
74 4 2
74 70 3
74 69 1
74 75 2
74 43 3
74 11 3
74 9 2
74 13 2
74 17 2
74 76 3
74 61 1
74 32 1
74 35 2
74 52 2
74 50 19
74 25 4
74 7 1
74 38 1
74 2 1
74 16 1
74 60 1
74 73 1
49 28 2
45 72 4
45 27 4
45 6 4
45 30 3
45 24 3
45 77 3
45 28 3
72 27 4
72 6 4
72 30 3
72 24 3
72 77 3
72 28 3
72 19 1
72 50 1
27 6 4
27 30 3
27 24 3
27 77 3
27 28 3
6 30 4
6 24 3
6 77 3
6 28 3
30 24 5
30 77 4
30 28 4
24 77 4
24 28 4
77 28 4
28 59 2
28 71 1
28 40 5
28 4 1
28 66 1
28 70 2
59 71 13
59 19 4
59 40 1
59 26 2
59 1 1
59 48 1
59 38 1
59 2 1
59 16 1
71 19 1
71 40 5
71 67 1
71 8 1
71 26 3
71 1 2
71 32 1
71 50 2
71 38 5
71 2 6
71 16 4
71 60 1
71 10 3
19 40 1
19 76 1
19 35 3
19 52 2
19 46 1
19 50 21
19 73 2
40 29 1
40 4 1
40 70 1
40 75 1
40 76 1
40 32 1
40 25 6
40 38 1
40 2 2
40 16 1
40 60 1
40 73 1
29 61 3
29 37 2
4 43 2
4 11 2
4 9 1
4 13 1
4 17 1
66 70 2
43 11 3
43 9 2
43 13 2
43 17 2
11 9 2
11 13 2
11 17 2
9 13 2
9 17 2
13 17 2
67 58 1
67 50 1
26 1 2
26 50 5
26 47 1
26 22 1
26 38 1
26 2 1
26 16 1
26 60 1
26 10 1
54 42 1
54 32 2
32 50 4
32 47 1
32 25 7
32 18 6
32 68 1
32 31 2
32 22 7
32 3 5
32 7 5
32 41 3
32 36 1
32 38 1
32 2 1
32 60 1
32 14 2
32 15 2
32 10 1
32 56 1
35 48 1
35 52 9
35 46 1
35 50 12
35 5 1
52 58 1
52 53 1
52 46 2
52 50 6
46 50 1
50 5 1
50 47 1
50 25 7
50 18 5
50 31 1
50 22 9
50 3 1
50 7 5
50 41 2
47 25 1
47 18 2
47 31 1
47 22 2
47 3 2
47 7 1
47 41 1
47 62 3
25 18 15
25 68 4
25 31 6
25 22 17
25 3 4
25 7 10
25 41 5
25 36 3
25 16 1
25 56 1
18 68 2
18 31 5
18 22 13
18 3 5
18 7 9
18 41 5
18 36 1
68 31 2
68 22 3
68 3 2
68 7 2
68 41 2
68 36 1
31 22 6
31 3 3
31 7 6
31 41 5
31 36 1
22 3 6
22 7 12
22 41 5
22 36 2
22 56 1
3 7 4
3 41 5
3 36 1
3 56 1
7 41 7
7 36 3
7 56 1
41 36 2
41 56 1
36 56 1
38 2 6
38 16 4
38 60 2
38 10 3
2 16 4
2 60 2
2 10 3
16 60 2
16 10 1
60 10 1
14 15 3
`},{key:"twotriangles",title:"Two triangles (6 nodes)",file:"twotriangles.net",format:"pajek",text:`# +---+                      +---+
# |   |                      |   |
# | A +------+        +------+ E |
# |   |      |        |      |   |
# +-+-+    +-+-+    +-+-+    +-+-+
#   |      |   |    |   |      |
#   |      | C +----+ D |      |
#   |      |   |    |   |      |
# +-+-+    +-+-+    +-+-+    +-+-+
# |   |      |        |      |   |
# | B +------+        +------+ F |
# |   |                      |   |
# +---+                      +---+
#
*Vertices
1 "A"
2 "B"
3 "C"
4 "D"
5 "E"
6 "F"
*Edges
1 2
1 3
2 3
3 4
4 5
4 6
5 6
`}],Ce=[{key:"animals-vehicles",title:"Six toy embeddings: animals and vehicles",format:"csv",text:`label,x,y,z
cat,1,0,0
kitten,0.9,0.1,0
lion,0.95,0.05,0
car,0,1,0
truck,0.1,0.9,0
bus,0,0.95,0.05
`}];function oi(t){let n=+this._x.call(null,t),e=+this._y.call(null,t);return Ie(this.cover(n,e),n,e,t)}function Ie(t,n,e,r){if(isNaN(n)||isNaN(e))return t;var i,o=t._root,a={data:r},s=t._x0,c=t._y0,l=t._x1,u=t._y1,d,g,p,w,m,v,y,M;if(!o)return t._root=a,t;for(;o.length;)if((m=n>=(d=(s+l)/2))?s=d:l=d,(v=e>=(g=(c+u)/2))?c=g:u=g,i=o,!(o=o[y=v<<1|m]))return i[y]=a,t;if(p=+t._x.call(null,o.data),w=+t._y.call(null,o.data),n===p&&e===w)return a.next=o,i?i[y]=a:t._root=a,t;do i=i?i[y]=new Array(4):t._root=new Array(4),(m=n>=(d=(s+l)/2))?s=d:l=d,(v=e>=(g=(c+u)/2))?c=g:u=g;while((y=v<<1|m)===(M=(w>=g)<<1|p>=d));return i[M]=o,i[y]=a,t}function ai(t){Array.isArray(t)||(t=Array.from(t));let n=t.length,e=new Float64Array(n),r=new Float64Array(n),i=1/0,o=i,a=-i,s=a;for(let c=0,l,u,d;c<n;++c){if(isNaN(u=+this._x.call(null,l=t[c]))||isNaN(d=+this._y.call(null,l))){e[c]=NaN;continue}e[c]=u,r[c]=d,u<i&&(i=u),u>a&&(a=u),d<o&&(o=d),d>s&&(s=d)}if(i>a||o>s)return this;this.cover(i,o).cover(a,s);for(let c=0;c<n;++c)Ie(this,e[c],r[c],t[c]);return this}function si(t,n){if(isNaN(t=+t)||isNaN(n=+n))return this;var e=this._x0,r=this._y0,i=this._x1,o=this._y1;if(isNaN(e))i=(e=Math.floor(t))+1,o=(r=Math.floor(n))+1;else{for(var a=i-e||1,s=this._root,c,l;e>t||t>=i||r>n||n>=o;)switch(l=(n<r)<<1|t<e,c=new Array(4),c[l]=s,s=c,a*=2,l){case 0:i=e+a,o=r+a;break;case 1:e=i-a,o=r+a;break;case 2:i=e+a,r=o-a;break;case 3:e=i-a,r=o-a;break}this._root&&this._root.length&&(this._root=s)}return this._x0=e,this._y0=r,this._x1=i,this._y1=o,this}function ui(){var t=[];return this.visit(function(n){if(!n.length)do t.push(n.data);while(n=n.next)}),t}function li(t){return arguments.length?this.cover(+t[0][0],+t[0][1]).cover(+t[1][0],+t[1][1]):isNaN(this._x0)?void 0:[[this._x0,this._y0],[this._x1,this._y1]]}function X(t,n,e,r,i){this.node=t,this.x0=n,this.y0=e,this.x1=r,this.y1=i}function ci(t,n,e){var r,i=this._x0,o=this._y0,a,s,c,l,u=this._x1,d=this._y1,g=[],p=this._root,w,m;for(p&&g.push(new X(p,i,o,u,d)),e==null?e=1/0:(i=t-e,o=n-e,u=t+e,d=n+e,e*=e);w=g.pop();)if(!(!(p=w.node)||(a=w.x0)>u||(s=w.y0)>d||(c=w.x1)<i||(l=w.y1)<o))if(p.length){var v=(a+c)/2,y=(s+l)/2;g.push(new X(p[3],v,y,c,l),new X(p[2],a,y,v,l),new X(p[1],v,s,c,y),new X(p[0],a,s,v,y)),(m=(n>=y)<<1|t>=v)&&(w=g[g.length-1],g[g.length-1]=g[g.length-1-m],g[g.length-1-m]=w)}else{var M=t-+this._x.call(null,p.data),S=n-+this._y.call(null,p.data),k=M*M+S*S;if(k<e){var C=Math.sqrt(e=k);i=t-C,o=n-C,u=t+C,d=n+C,r=p.data}}return r}function fi(t){if(isNaN(u=+this._x.call(null,t))||isNaN(d=+this._y.call(null,t)))return this;var n,e=this._root,r,i,o,a=this._x0,s=this._y0,c=this._x1,l=this._y1,u,d,g,p,w,m,v,y;if(!e)return this;if(e.length)for(;;){if((w=u>=(g=(a+c)/2))?a=g:c=g,(m=d>=(p=(s+l)/2))?s=p:l=p,n=e,!(e=e[v=m<<1|w]))return this;if(!e.length)break;(n[v+1&3]||n[v+2&3]||n[v+3&3])&&(r=n,y=v)}for(;e.data!==t;)if(i=e,!(e=e.next))return this;return(o=e.next)&&delete e.next,i?(o?i.next=o:delete i.next,this):n?(o?n[v]=o:delete n[v],(e=n[0]||n[1]||n[2]||n[3])&&e===(n[3]||n[2]||n[1]||n[0])&&!e.length&&(r?r[y]=e:this._root=e),this):(this._root=o,this)}function hi(t){for(var n=0,e=t.length;n<e;++n)this.remove(t[n]);return this}function di(){return this._root}function pi(){var t=0;return this.visit(function(n){if(!n.length)do++t;while(n=n.next)}),t}function gi(t){var n=[],e,r=this._root,i,o,a,s,c;for(r&&n.push(new X(r,this._x0,this._y0,this._x1,this._y1));e=n.pop();)if(!t(r=e.node,o=e.x0,a=e.y0,s=e.x1,c=e.y1)&&r.length){var l=(o+s)/2,u=(a+c)/2;(i=r[3])&&n.push(new X(i,l,u,s,c)),(i=r[2])&&n.push(new X(i,o,u,l,c)),(i=r[1])&&n.push(new X(i,l,a,s,u)),(i=r[0])&&n.push(new X(i,o,a,l,u))}return this}function mi(t){var n=[],e=[],r;for(this._root&&n.push(new X(this._root,this._x0,this._y0,this._x1,this._y1));r=n.pop();){var i=r.node;if(i.length){var o,a=r.x0,s=r.y0,c=r.x1,l=r.y1,u=(a+c)/2,d=(s+l)/2;(o=i[0])&&n.push(new X(o,a,s,u,d)),(o=i[1])&&n.push(new X(o,u,s,c,d)),(o=i[2])&&n.push(new X(o,a,d,u,l)),(o=i[3])&&n.push(new X(o,u,d,c,l))}e.push(r)}for(;r=e.pop();)t(r.node,r.x0,r.y0,r.x1,r.y1);return this}function yi(t){return t[0]}function vi(t){return arguments.length?(this._x=t,this):this._x}function wi(t){return t[1]}function xi(t){return arguments.length?(this._y=t,this):this._y}function en(t,n,e){var r=new Fn(n??yi,e??wi,NaN,NaN,NaN,NaN);return t==null?r:r.addAll(t)}function Fn(t,n,e,r,i,o){this._x=t,this._y=n,this._x0=e,this._y0=r,this._x1=i,this._y1=o,this._root=void 0}function ze(t){for(var n={data:t.data},e=n;t=t.next;)e=e.next={data:t.data};return n}var V=en.prototype=Fn.prototype;V.copy=function(){var t=new Fn(this._x,this._y,this._x0,this._y0,this._x1,this._y1),n=this._root,e,r;if(!n)return t;if(!n.length)return t._root=ze(n),t;for(e=[{source:n,target:t._root=new Array(4)}];n=e.pop();)for(var i=0;i<4;++i)(r=n.source[i])&&(r.length?e.push({source:r,target:n.target[i]=new Array(4)}):n.target[i]=ze(r));return t};V.add=oi;V.addAll=ai;V.cover=si;V.data=ui;V.extent=li;V.find=ci;V.remove=fi;V.removeAll=hi;V.root=di;V.size=pi;V.visit=gi;V.visitAfter=mi;V.x=vi;V.y=xi;var _i={value:()=>{}};function yt(){for(var t=0,n=arguments.length,e={},r;t<n;++t){if(!(r=arguments[t]+"")||r in e||/[\s.]/.test(r))throw new Error("illegal type: "+r);e[r]=[]}return new rn(e)}function rn(t){this._=t}function bi(t,n){return t.trim().split(/^|\s+/).map(function(e){var r="",i=e.indexOf(".");if(i>=0&&(r=e.slice(i+1),e=e.slice(0,i)),e&&!n.hasOwnProperty(e))throw new Error("unknown type: "+e);return{type:e,name:r}})}rn.prototype=yt.prototype={constructor:rn,on:function(t,n){var e=this._,r=bi(t+"",e),i,o=-1,a=r.length;if(arguments.length<2){for(;++o<a;)if((i=(t=r[o]).type)&&(i=Mi(e[i],t.name)))return i;return}if(n!=null&&typeof n!="function")throw new Error("invalid callback: "+n);for(;++o<a;)if(i=(t=r[o]).type)e[i]=Oe(e[i],t.name,n);else if(n==null)for(i in e)e[i]=Oe(e[i],t.name,null);return this},copy:function(){var t={},n=this._;for(var e in n)t[e]=n[e].slice();return new rn(t)},call:function(t,n){if((i=arguments.length-2)>0)for(var e=new Array(i),r=0,i,o;r<i;++r)e[r]=arguments[r+2];if(!this._.hasOwnProperty(t))throw new Error("unknown type: "+t);for(o=this._[t],r=0,i=o.length;r<i;++r)o[r].value.apply(n,e)},apply:function(t,n,e){if(!this._.hasOwnProperty(t))throw new Error("unknown type: "+t);for(var r=this._[t],i=0,o=r.length;i<o;++i)r[i].value.apply(n,e)}};function Mi(t,n){for(var e=0,r=t.length,i;e<r;++e)if((i=t[e]).name===n)return i.value}function Oe(t,n,e){for(var r=0,i=t.length;r<i;++r)if(t[r].name===n){t[r]=_i,t=t.slice(0,r).concat(t.slice(r+1));break}return e!=null&&t.push({name:n,value:e}),t}var $t=0,Dt=0,Pt=0,Re=1e3,on,Bt,an=0,vt=0,un=0,Ft=typeof performance=="object"&&performance.now?performance:Date,Pe=typeof window=="object"&&window.requestAnimationFrame?window.requestAnimationFrame.bind(window):function(t){setTimeout(t,17)};function ln(){return vt||(Pe(ki),vt=Ft.now()+un)}function ki(){vt=0}function sn(){this._call=this._time=this._next=null}sn.prototype=qt.prototype={constructor:sn,restart:function(t,n,e){if(typeof t!="function")throw new TypeError("callback is not a function");e=(e==null?ln():+e)+(n==null?0:+n),!this._next&&Bt!==this&&(Bt?Bt._next=this:on=this,Bt=this),this._call=t,this._time=e,qn()},stop:function(){this._call&&(this._call=null,this._time=1/0,qn())}};function qt(t,n,e){var r=new sn;return r.restart(t,n,e),r}function Ni(){ln(),++$t;for(var t=on,n;t;)(n=vt-t._time)>=0&&t._call.call(void 0,n),t=t._next;--$t}function Le(){vt=(an=Ft.now())+un,$t=Dt=0;try{Ni()}finally{$t=0,Ei(),vt=0}}function Ai(){var t=Ft.now(),n=t-an;n>Re&&(un-=n,an=t)}function Ei(){for(var t,n=on,e,r=1/0;n;)n._call?(r>n._time&&(r=n._time),t=n,n=n._next):(e=n._next,n._next=null,n=t?t._next=e:on=e);Bt=t,qn(r)}function qn(t){if(!$t){Dt&&(Dt=clearTimeout(Dt));var n=t-vt;n>24?(t<1/0&&(Dt=setTimeout(Le,Math.ceil(t-Ft.now()-un)+1)),Pt&&(Pt=clearInterval(Pt))):(Pt||(an=Ft.now(),Pt=setInterval(Ai,Re)),$t=1,Pe(Le))}}function Xn(t,n,e){var r=new sn;return n=n==null?0:+n,r.restart(i=>{r.stop(),t(i+n)},n,e),r}function H(t){return function(){return t}}function pt(t){return(t()-.5)*1e-6}function $i(t){return t.x+t.vx}function Si(t){return t.y+t.vy}function Fe(t){var n,e,r,i=1,o=1;typeof t!="function"&&(t=H(t==null?1:+t));function a(){for(var l,u=n.length,d,g,p,w,m,v,y=0;y<o;++y)for(d=en(n,$i,Si).visitAfter(s),l=0;l<u;++l)g=n[l],m=e[g.index],v=m*m,p=g.x+g.vx,w=g.y+g.vy,d.visit(M);function M(S,k,C,I,L){var R=S.data,D=S.r,O=m+D;if(R){if(R.index>g.index){var B=p-R.x-R.vx,W=w-R.y-R.vy,q=B*B+W*W;q<O*O&&(B===0&&(B=pt(r),q+=B*B),W===0&&(W=pt(r),q+=W*W),q=(O-(q=Math.sqrt(q)))/q*i,g.vx+=(B*=q)*(O=(D*=D)/(v+D)),g.vy+=(W*=q)*O,R.vx-=B*(O=1-O),R.vy-=W*O)}return}return k>p+O||I<p-O||C>w+O||L<w-O}}function s(l){if(l.data)return l.r=e[l.data.index];for(var u=l.r=0;u<4;++u)l[u]&&l[u].r>l.r&&(l.r=l[u].r)}function c(){if(n){var l,u=n.length,d;for(e=new Array(u),l=0;l<u;++l)d=n[l],e[d.index]=+t(d,l,n)}}return a.initialize=function(l,u){n=l,r=u,c()},a.iterations=function(l){return arguments.length?(o=+l,a):o},a.strength=function(l){return arguments.length?(i=+l,a):i},a.radius=function(l){return arguments.length?(t=typeof l=="function"?l:H(+l),c(),a):t},a}function Ti(t){return t.index}function De(t,n){var e=t.get(n);if(!e)throw new Error("node not found: "+n);return e}function qe(t){var n=Ti,e=d,r,i=H(30),o,a,s,c,l,u=1;t==null&&(t=[]);function d(v){return 1/Math.min(s[v.source.index],s[v.target.index])}function g(v){for(var y=0,M=t.length;y<u;++y)for(var S=0,k,C,I,L,R,D,O;S<M;++S)k=t[S],C=k.source,I=k.target,L=I.x+I.vx-C.x-C.vx||pt(l),R=I.y+I.vy-C.y-C.vy||pt(l),D=Math.sqrt(L*L+R*R),D=(D-o[S])/D*v*r[S],L*=D,R*=D,I.vx-=L*(O=c[S]),I.vy-=R*O,C.vx+=L*(O=1-O),C.vy+=R*O}function p(){if(a){var v,y=a.length,M=t.length,S=new Map(a.map((C,I)=>[n(C,I,a),C])),k;for(v=0,s=new Array(y);v<M;++v)k=t[v],k.index=v,typeof k.source!="object"&&(k.source=De(S,k.source)),typeof k.target!="object"&&(k.target=De(S,k.target)),s[k.source.index]=(s[k.source.index]||0)+1,s[k.target.index]=(s[k.target.index]||0)+1;for(v=0,c=new Array(M);v<M;++v)k=t[v],c[v]=s[k.source.index]/(s[k.source.index]+s[k.target.index]);r=new Array(M),w(),o=new Array(M),m()}}function w(){if(a)for(var v=0,y=t.length;v<y;++v)r[v]=+e(t[v],v,t)}function m(){if(a)for(var v=0,y=t.length;v<y;++v)o[v]=+i(t[v],v,t)}return g.initialize=function(v,y){a=v,l=y,p()},g.links=function(v){return arguments.length?(t=v,p(),g):t},g.id=function(v){return arguments.length?(n=v,g):n},g.iterations=function(v){return arguments.length?(u=+v,g):u},g.strength=function(v){return arguments.length?(e=typeof v=="function"?v:H(+v),w(),g):e},g.distance=function(v){return arguments.length?(i=typeof v=="function"?v:H(+v),m(),g):i},g}var Ci=1664525,zi=1013904223,Be=4294967296;function Ii(){let t=1;return()=>(t=(Ci*t+zi)%Be)/Be}function Oi(t){return t.x}function Li(t){return t.y}var Ri=10,Pi=Math.PI*(3-Math.sqrt(5));function Xe(t){var n,e=1,r=.001,i=1-Math.pow(r,1/300),o=0,a=.6,s=new Map,c=qt(d),l=yt("tick","end"),u=Ii();t==null&&(t=[]);function d(){g(),l.call("tick",n),e<r&&(c.stop(),l.call("end",n))}function g(m){var v,y=t.length,M;m===void 0&&(m=1);for(var S=0;S<m;++S)for(e+=(o-e)*i,s.forEach(function(k){k(e)}),v=0;v<y;++v)M=t[v],M.fx==null?M.x+=M.vx*=a:(M.x=M.fx,M.vx=0),M.fy==null?M.y+=M.vy*=a:(M.y=M.fy,M.vy=0);return n}function p(){for(var m=0,v=t.length,y;m<v;++m){if(y=t[m],y.index=m,y.fx!=null&&(y.x=y.fx),y.fy!=null&&(y.y=y.fy),isNaN(y.x)||isNaN(y.y)){var M=Ri*Math.sqrt(.5+m),S=m*Pi;y.x=M*Math.cos(S),y.y=M*Math.sin(S)}(isNaN(y.vx)||isNaN(y.vy))&&(y.vx=y.vy=0)}}function w(m){return m.initialize&&m.initialize(t,u),m}return p(),n={tick:g,restart:function(){return c.restart(d),n},stop:function(){return c.stop(),n},nodes:function(m){return arguments.length?(t=m,p(),s.forEach(w),n):t},alpha:function(m){return arguments.length?(e=+m,n):e},alphaMin:function(m){return arguments.length?(r=+m,n):r},alphaDecay:function(m){return arguments.length?(i=+m,n):+i},alphaTarget:function(m){return arguments.length?(o=+m,n):o},velocityDecay:function(m){return arguments.length?(a=1-m,n):1-a},randomSource:function(m){return arguments.length?(u=m,s.forEach(w),n):u},force:function(m,v){return arguments.length>1?(v==null?s.delete(m):s.set(m,w(v)),n):s.get(m)},find:function(m,v,y){var M=0,S=t.length,k,C,I,L,R;for(y==null?y=1/0:y*=y,M=0;M<S;++M)L=t[M],k=m-L.x,C=v-L.y,I=k*k+C*C,I<y&&(R=L,y=I);return R},on:function(m,v){return arguments.length>1?(l.on(m,v),n):l.on(m)}}}function Ve(){var t,n,e,r,i=H(-30),o,a=1,s=1/0,c=.81;function l(p){var w,m=t.length,v=en(t,Oi,Li).visitAfter(d);for(r=p,w=0;w<m;++w)n=t[w],v.visit(g)}function u(){if(t){var p,w=t.length,m;for(o=new Array(w),p=0;p<w;++p)m=t[p],o[m.index]=+i(m,p,t)}}function d(p){var w=0,m,v,y=0,M,S,k;if(p.length){for(M=S=k=0;k<4;++k)(m=p[k])&&(v=Math.abs(m.value))&&(w+=m.value,y+=v,M+=v*m.x,S+=v*m.y);p.x=M/y,p.y=S/y}else{m=p,m.x=m.data.x,m.y=m.data.y;do w+=o[m.data.index];while(m=m.next)}p.value=w}function g(p,w,m,v){if(!p.value)return!0;var y=p.x-n.x,M=p.y-n.y,S=v-w,k=y*y+M*M;if(S*S/c<k)return k<s&&(y===0&&(y=pt(e),k+=y*y),M===0&&(M=pt(e),k+=M*M),k<a&&(k=Math.sqrt(a*k)),n.vx+=y*p.value*r/k,n.vy+=M*p.value*r/k),!0;if(p.length||k>=s)return;(p.data!==n||p.next)&&(y===0&&(y=pt(e),k+=y*y),M===0&&(M=pt(e),k+=M*M),k<a&&(k=Math.sqrt(a*k)));do p.data!==n&&(S=o[p.data.index]*r/k,n.vx+=y*S,n.vy+=M*S);while(p=p.next)}return l.initialize=function(p,w){t=p,e=w,u()},l.strength=function(p){return arguments.length?(i=typeof p=="function"?p:H(+p),u(),l):i},l.distanceMin=function(p){return arguments.length?(a=p*p,l):Math.sqrt(a)},l.distanceMax=function(p){return arguments.length?(s=p*p,l):Math.sqrt(s)},l.theta=function(p){return arguments.length?(c=p*p,l):Math.sqrt(c)},l}function He(t){var n=H(.1),e,r,i;typeof t!="function"&&(t=H(t==null?0:+t));function o(s){for(var c=0,l=e.length,u;c<l;++c)u=e[c],u.vx+=(i[c]-u.x)*r[c]*s}function a(){if(e){var s,c=e.length;for(r=new Array(c),i=new Array(c),s=0;s<c;++s)r[s]=isNaN(i[s]=+t(e[s],s,e))?0:+n(e[s],s,e)}}return o.initialize=function(s){e=s,a()},o.strength=function(s){return arguments.length?(n=typeof s=="function"?s:H(+s),a(),o):n},o.x=function(s){return arguments.length?(t=typeof s=="function"?s:H(+s),a(),o):t},o}function Ye(t){var n=H(.1),e,r,i;typeof t!="function"&&(t=H(t==null?0:+t));function o(s){for(var c=0,l=e.length,u;c<l;++c)u=e[c],u.vy+=(i[c]-u.y)*r[c]*s}function a(){if(e){var s,c=e.length;for(r=new Array(c),i=new Array(c),s=0;s<c;++s)r[s]=isNaN(i[s]=+t(e[s],s,e))?0:+n(e[s],s,e)}}return o.initialize=function(s){e=s,a()},o.strength=function(s){return arguments.length?(n=typeof s=="function"?s:H(+s),a(),o):n},o.y=function(s){return arguments.length?(t=typeof s=="function"?s:H(+s),a(),o):t},o}var Vn="http://www.w3.org/1999/xhtml",je={svg:"http://www.w3.org/2000/svg",xhtml:Vn,xlink:"http://www.w3.org/1999/xlink",xml:"http://www.w3.org/XML/1998/namespace",xmlns:"http://www.w3.org/2000/xmlns/"};function Xt(t){var n=t+="",e=n.indexOf(":");return e>=0&&(n=t.slice(0,e))!=="xmlns"&&(t=t.slice(e+1)),je.hasOwnProperty(n)?{space:je[n],local:t}:t}function Di(t){return function(){var n=this.ownerDocument,e=this.namespaceURI;return e===Vn&&n.documentElement.namespaceURI===Vn?n.createElement(t):n.createElementNS(e,t)}}function Bi(t){return function(){return this.ownerDocument.createElementNS(t.space,t.local)}}function Ge(t){var n=Xt(t);return(n.local?Bi:Di)(n)}function Fi(){}function fn(t){return t==null?Fi:function(){return this.querySelector(t)}}function qi(t){typeof t!="function"&&(t=fn(t));for(var n=this._groups,e=n.length,r=new Array(e),i=0;i<e;++i)for(var o=n[i],a=o.length,s=r[i]=new Array(a),c,l,u=0;u<a;++u)(c=o[u])&&(l=t.call(c,c.__data__,u,o))&&("__data__"in c&&(l.__data__=c.__data__),s[u]=l);return new Z(r,this._parents)}function Xi(t){return t==null?[]:Array.isArray(t)?t:Array.from(t)}function Vi(){return[]}function Yn(t){return t==null?Vi:function(){return this.querySelectorAll(t)}}function Hi(t){return function(){return Xi(t.apply(this,arguments))}}function Yi(t){typeof t=="function"?t=Hi(t):t=Yn(t);for(var n=this._groups,e=n.length,r=[],i=[],o=0;o<e;++o)for(var a=n[o],s=a.length,c,l=0;l<s;++l)(c=a[l])&&(r.push(t.call(c,c.__data__,l,a)),i.push(c));return new Z(r,i)}function jn(t){return function(){return this.matches(t)}}function Je(t){return function(n){return n.matches(t)}}var ji=Array.prototype.find;function Gi(t){return function(){return ji.call(this.children,t)}}function Ji(){return this.firstElementChild}function Wi(t){return this.select(t==null?Ji:Gi(typeof t=="function"?t:Je(t)))}var Ki=Array.prototype.filter;function Ui(){return Array.from(this.children)}function Zi(t){return function(){return Ki.call(this.children,t)}}function Qi(t){return this.selectAll(t==null?Ui:Zi(typeof t=="function"?t:Je(t)))}function to(t){typeof t!="function"&&(t=jn(t));for(var n=this._groups,e=n.length,r=new Array(e),i=0;i<e;++i)for(var o=n[i],a=o.length,s=r[i]=[],c,l=0;l<a;++l)(c=o[l])&&t.call(c,c.__data__,l,o)&&s.push(c);return new Z(r,this._parents)}function We(t){return new Array(t.length)}function no(){return new Z(this._enter||this._groups.map(We),this._parents)}function cn(t,n){this.ownerDocument=t.ownerDocument,this.namespaceURI=t.namespaceURI,this._next=null,this._parent=t,this.__data__=n}cn.prototype={constructor:cn,appendChild:function(t){return this._parent.insertBefore(t,this._next)},insertBefore:function(t,n){return this._parent.insertBefore(t,n)},querySelector:function(t){return this._parent.querySelector(t)},querySelectorAll:function(t){return this._parent.querySelectorAll(t)}};function eo(t){return function(){return t}}function ro(t,n,e,r,i,o){for(var a=0,s,c=n.length,l=o.length;a<l;++a)(s=n[a])?(s.__data__=o[a],r[a]=s):e[a]=new cn(t,o[a]);for(;a<c;++a)(s=n[a])&&(i[a]=s)}function io(t,n,e,r,i,o,a){var s,c,l=new Map,u=n.length,d=o.length,g=new Array(u),p;for(s=0;s<u;++s)(c=n[s])&&(g[s]=p=a.call(c,c.__data__,s,n)+"",l.has(p)?i[s]=c:l.set(p,c));for(s=0;s<d;++s)p=a.call(t,o[s],s,o)+"",(c=l.get(p))?(r[s]=c,c.__data__=o[s],l.delete(p)):e[s]=new cn(t,o[s]);for(s=0;s<u;++s)(c=n[s])&&l.get(g[s])===c&&(i[s]=c)}function oo(t){return t.__data__}function ao(t,n){if(!arguments.length)return Array.from(this,oo);var e=n?io:ro,r=this._parents,i=this._groups;typeof t!="function"&&(t=eo(t));for(var o=i.length,a=new Array(o),s=new Array(o),c=new Array(o),l=0;l<o;++l){var u=r[l],d=i[l],g=d.length,p=so(t.call(u,u&&u.__data__,l,r)),w=p.length,m=s[l]=new Array(w),v=a[l]=new Array(w),y=c[l]=new Array(g);e(u,d,m,v,y,p,n);for(var M=0,S=0,k,C;M<w;++M)if(k=m[M]){for(M>=S&&(S=M+1);!(C=v[S])&&++S<w;);k._next=C||null}}return a=new Z(a,r),a._enter=s,a._exit=c,a}function so(t){return typeof t=="object"&&"length"in t?t:Array.from(t)}function uo(){return new Z(this._exit||this._groups.map(We),this._parents)}function lo(t,n,e){var r=this.enter(),i=this,o=this.exit();return typeof t=="function"?(r=t(r),r&&(r=r.selection())):r=r.append(t+""),n!=null&&(i=n(i),i&&(i=i.selection())),e==null?o.remove():e(o),r&&i?r.merge(i).order():i}function co(t){for(var n=t.selection?t.selection():t,e=this._groups,r=n._groups,i=e.length,o=r.length,a=Math.min(i,o),s=new Array(i),c=0;c<a;++c)for(var l=e[c],u=r[c],d=l.length,g=s[c]=new Array(d),p,w=0;w<d;++w)(p=l[w]||u[w])&&(g[w]=p);for(;c<i;++c)s[c]=e[c];return new Z(s,this._parents)}function fo(){for(var t=this._groups,n=-1,e=t.length;++n<e;)for(var r=t[n],i=r.length-1,o=r[i],a;--i>=0;)(a=r[i])&&(o&&a.compareDocumentPosition(o)^4&&o.parentNode.insertBefore(a,o),o=a);return this}function ho(t){t||(t=po);function n(d,g){return d&&g?t(d.__data__,g.__data__):!d-!g}for(var e=this._groups,r=e.length,i=new Array(r),o=0;o<r;++o){for(var a=e[o],s=a.length,c=i[o]=new Array(s),l,u=0;u<s;++u)(l=a[u])&&(c[u]=l);c.sort(n)}return new Z(i,this._parents).order()}function po(t,n){return t<n?-1:t>n?1:t>=n?0:NaN}function go(){var t=arguments[0];return arguments[0]=this,t.apply(null,arguments),this}function mo(){return Array.from(this)}function yo(){for(var t=this._groups,n=0,e=t.length;n<e;++n)for(var r=t[n],i=0,o=r.length;i<o;++i){var a=r[i];if(a)return a}return null}function vo(){let t=0;for(let n of this)++t;return t}function wo(){return!this.node()}function xo(t){for(var n=this._groups,e=0,r=n.length;e<r;++e)for(var i=n[e],o=0,a=i.length,s;o<a;++o)(s=i[o])&&t.call(s,s.__data__,o,i);return this}function _o(t){return function(){this.removeAttribute(t)}}function bo(t){return function(){this.removeAttributeNS(t.space,t.local)}}function Mo(t,n){return function(){this.setAttribute(t,n)}}function ko(t,n){return function(){this.setAttributeNS(t.space,t.local,n)}}function No(t,n){return function(){var e=n.apply(this,arguments);e==null?this.removeAttribute(t):this.setAttribute(t,e)}}function Ao(t,n){return function(){var e=n.apply(this,arguments);e==null?this.removeAttributeNS(t.space,t.local):this.setAttributeNS(t.space,t.local,e)}}function Eo(t,n){var e=Xt(t);if(arguments.length<2){var r=this.node();return e.local?r.getAttributeNS(e.space,e.local):r.getAttribute(e)}return this.each((n==null?e.local?bo:_o:typeof n=="function"?e.local?Ao:No:e.local?ko:Mo)(e,n))}function Ke(t){return t.ownerDocument&&t.ownerDocument.defaultView||t.document&&t||t.defaultView}function $o(t){return function(){this.style.removeProperty(t)}}function So(t,n,e){return function(){this.style.setProperty(t,n,e)}}function To(t,n,e){return function(){var r=n.apply(this,arguments);r==null?this.style.removeProperty(t):this.style.setProperty(t,r,e)}}function Co(t,n,e){return arguments.length>1?this.each((n==null?$o:typeof n=="function"?To:So)(t,n,e??"")):wt(this.node(),t)}function wt(t,n){return t.style.getPropertyValue(n)||Ke(t).getComputedStyle(t,null).getPropertyValue(n)}function zo(t){return function(){delete this[t]}}function Io(t,n){return function(){this[t]=n}}function Oo(t,n){return function(){var e=n.apply(this,arguments);e==null?delete this[t]:this[t]=e}}function Lo(t,n){return arguments.length>1?this.each((n==null?zo:typeof n=="function"?Oo:Io)(t,n)):this.node()[t]}function Ue(t){return t.trim().split(/^|\s+/)}function Gn(t){return t.classList||new Ze(t)}function Ze(t){this._node=t,this._names=Ue(t.getAttribute("class")||"")}Ze.prototype={add:function(t){var n=this._names.indexOf(t);n<0&&(this._names.push(t),this._node.setAttribute("class",this._names.join(" ")))},remove:function(t){var n=this._names.indexOf(t);n>=0&&(this._names.splice(n,1),this._node.setAttribute("class",this._names.join(" ")))},contains:function(t){return this._names.indexOf(t)>=0}};function Qe(t,n){for(var e=Gn(t),r=-1,i=n.length;++r<i;)e.add(n[r])}function tr(t,n){for(var e=Gn(t),r=-1,i=n.length;++r<i;)e.remove(n[r])}function Ro(t){return function(){Qe(this,t)}}function Po(t){return function(){tr(this,t)}}function Do(t,n){return function(){(n.apply(this,arguments)?Qe:tr)(this,t)}}function Bo(t,n){var e=Ue(t+"");if(arguments.length<2){for(var r=Gn(this.node()),i=-1,o=e.length;++i<o;)if(!r.contains(e[i]))return!1;return!0}return this.each((typeof n=="function"?Do:n?Ro:Po)(e,n))}function Fo(){this.textContent=""}function qo(t){return function(){this.textContent=t}}function Xo(t){return function(){var n=t.apply(this,arguments);this.textContent=n??""}}function Vo(t){return arguments.length?this.each(t==null?Fo:(typeof t=="function"?Xo:qo)(t)):this.node().textContent}function Ho(){this.innerHTML=""}function Yo(t){return function(){this.innerHTML=t}}function jo(t){return function(){var n=t.apply(this,arguments);this.innerHTML=n??""}}function Go(t){return arguments.length?this.each(t==null?Ho:(typeof t=="function"?jo:Yo)(t)):this.node().innerHTML}function Jo(){this.nextSibling&&this.parentNode.appendChild(this)}function Wo(){return this.each(Jo)}function Ko(){this.previousSibling&&this.parentNode.insertBefore(this,this.parentNode.firstChild)}function Uo(){return this.each(Ko)}function Zo(t){var n=typeof t=="function"?t:Ge(t);return this.select(function(){return this.appendChild(n.apply(this,arguments))})}function Qo(){return null}function ta(t,n){var e=typeof t=="function"?t:Ge(t),r=n==null?Qo:typeof n=="function"?n:fn(n);return this.select(function(){return this.insertBefore(e.apply(this,arguments),r.apply(this,arguments)||null)})}function na(){var t=this.parentNode;t&&t.removeChild(this)}function ea(){return this.each(na)}function ra(){var t=this.cloneNode(!1),n=this.parentNode;return n?n.insertBefore(t,this.nextSibling):t}function ia(){var t=this.cloneNode(!0),n=this.parentNode;return n?n.insertBefore(t,this.nextSibling):t}function oa(t){return this.select(t?ia:ra)}function aa(t){return arguments.length?this.property("__data__",t):this.node().__data__}function sa(t){return function(n){t.call(this,n,this.__data__)}}function ua(t){return t.trim().split(/^|\s+/).map(function(n){var e="",r=n.indexOf(".");return r>=0&&(e=n.slice(r+1),n=n.slice(0,r)),{type:n,name:e}})}function la(t){return function(){var n=this.__on;if(n){for(var e=0,r=-1,i=n.length,o;e<i;++e)o=n[e],(!t.type||o.type===t.type)&&o.name===t.name?this.removeEventListener(o.type,o.listener,o.options):n[++r]=o;++r?n.length=r:delete this.__on}}}function ca(t,n,e){return function(){var r=this.__on,i,o=sa(n);if(r){for(var a=0,s=r.length;a<s;++a)if((i=r[a]).type===t.type&&i.name===t.name){this.removeEventListener(i.type,i.listener,i.options),this.addEventListener(i.type,i.listener=o,i.options=e),i.value=n;return}}this.addEventListener(t.type,o,e),i={type:t.type,name:t.name,value:n,listener:o,options:e},r?r.push(i):this.__on=[i]}}function fa(t,n,e){var r=ua(t+""),i,o=r.length,a;if(arguments.length<2){var s=this.node().__on;if(s){for(var c=0,l=s.length,u;c<l;++c)for(i=0,u=s[c];i<o;++i)if((a=r[i]).type===u.type&&a.name===u.name)return u.value}return}for(s=n?ca:la,i=0;i<o;++i)this.each(s(r[i],n,e));return this}function nr(t,n,e){var r=Ke(t),i=r.CustomEvent;typeof i=="function"?i=new i(n,e):(i=r.document.createEvent("Event"),e?(i.initEvent(n,e.bubbles,e.cancelable),i.detail=e.detail):i.initEvent(n,!1,!1)),t.dispatchEvent(i)}function ha(t,n){return function(){return nr(this,t,n)}}function da(t,n){return function(){return nr(this,t,n.apply(this,arguments))}}function pa(t,n){return this.each((typeof n=="function"?da:ha)(t,n))}function*ga(){for(var t=this._groups,n=0,e=t.length;n<e;++n)for(var r=t[n],i=0,o=r.length,a;i<o;++i)(a=r[i])&&(yield a)}var er=[null];function Z(t,n){this._groups=t,this._parents=n}function xt(){return new Z([[document.documentElement]],er)}function ma(){return this}Z.prototype=xt.prototype={constructor:Z,select:qi,selectAll:Yi,selectChild:Wi,selectChildren:Qi,filter:to,data:ao,enter:no,exit:uo,join:lo,merge:co,selection:ma,order:fo,sort:ho,call:go,nodes:mo,node:yo,size:vo,empty:wo,each:xo,attr:Eo,style:Co,property:Lo,classed:Bo,text:Vo,html:Go,raise:Wo,lower:Uo,append:Zo,insert:ta,remove:ea,clone:oa,datum:aa,on:fa,dispatch:pa,[Symbol.iterator]:ga};function Q(t){return typeof t=="string"?new Z([[document.querySelector(t)]],[document.documentElement]):new Z([[t]],er)}var ya=0;function va(){return new Hn}function Hn(){this._="@"+(++ya).toString(36)}Hn.prototype=va.prototype={constructor:Hn,get:function(t){for(var n=this._;!(n in t);)if(!(t=t.parentNode))return;return t[n]},set:function(t,n){return t[this._]=n},remove:function(t){return this._ in t&&delete t[this._]},toString:function(){return this._}};function wa(t){let n;for(;n=t.sourceEvent;)t=n;return t}function ut(t,n){if(t=wa(t),n===void 0&&(n=t.currentTarget),n){var e=n.ownerSVGElement||n;if(e.createSVGPoint){var r=e.createSVGPoint();return r.x=t.clientX,r.y=t.clientY,r=r.matrixTransform(n.getScreenCTM().inverse()),[r.x,r.y]}if(n.getBoundingClientRect){var i=n.getBoundingClientRect();return[t.clientX-i.left-n.clientLeft,t.clientY-i.top-n.clientTop]}}return[t.pageX,t.pageY]}var Jn={capture:!0,passive:!1};function Wn(t){t.preventDefault(),t.stopImmediatePropagation()}function rr(t){var n=t.document.documentElement,e=Q(t).on("dragstart.drag",Wn,Jn);"onselectstart"in n?e.on("selectstart.drag",Wn,Jn):(n.__noselect=n.style.MozUserSelect,n.style.MozUserSelect="none")}function ir(t,n){var e=t.document.documentElement,r=Q(t).on("dragstart.drag",null);n&&(r.on("click.drag",Wn,Jn),setTimeout(function(){r.on("click.drag",null)},0)),"onselectstart"in e?r.on("selectstart.drag",null):(e.style.MozUserSelect=e.__noselect,delete e.__noselect)}function xa(t,{sourceEvent:n,subject:e,target:r,identifier:i,active:o,x:a,y:s,dx:c,dy:l,dispatch:u}){Object.defineProperties(this,{type:{value:t,enumerable:!0,configurable:!0},sourceEvent:{value:n,enumerable:!0,configurable:!0},subject:{value:e,enumerable:!0,configurable:!0},target:{value:r,enumerable:!0,configurable:!0},identifier:{value:i,enumerable:!0,configurable:!0},active:{value:o,enumerable:!0,configurable:!0},x:{value:a,enumerable:!0,configurable:!0},y:{value:s,enumerable:!0,configurable:!0},dx:{value:c,enumerable:!0,configurable:!0},dy:{value:l,enumerable:!0,configurable:!0},_:{value:u}})}xa.prototype.on=function(){var t=this._.on.apply(this._,arguments);return t===this._?this:t};function zt(t,n,e){t.prototype=n.prototype=e,e.constructor=t}function Yt(t,n){var e=Object.create(t.prototype);for(var r in n)e[r]=n[r];return e}function gt(){}var kt=.7,Ct=1/kt,St="\\s*([+-]?\\d+)\\s*",Vt="\\s*([+-]?(?:\\d*\\.)?\\d+(?:[eE][+-]?\\d+)?)\\s*",it="\\s*([+-]?(?:\\d*\\.)?\\d+(?:[eE][+-]?\\d+)?)%\\s*",_a=/^#([0-9a-f]{3,8})$/,ba=new RegExp(`^rgb\\(${St},${St},${St}\\)$`),Ma=new RegExp(`^rgb\\(${it},${it},${it}\\)$`),ka=new RegExp(`^rgba\\(${St},${St},${St},${Vt}\\)$`),Na=new RegExp(`^rgba\\(${it},${it},${it},${Vt}\\)$`),Aa=new RegExp(`^hsl\\(${Vt},${it},${it}\\)$`),Ea=new RegExp(`^hsla\\(${Vt},${it},${it},${Vt}\\)$`),or={aliceblue:15792383,antiquewhite:16444375,aqua:65535,aquamarine:8388564,azure:15794175,beige:16119260,bisque:16770244,black:0,blanchedalmond:16772045,blue:255,blueviolet:9055202,brown:10824234,burlywood:14596231,cadetblue:6266528,chartreuse:8388352,chocolate:13789470,coral:16744272,cornflowerblue:6591981,cornsilk:16775388,crimson:14423100,cyan:65535,darkblue:139,darkcyan:35723,darkgoldenrod:12092939,darkgray:11119017,darkgreen:25600,darkgrey:11119017,darkkhaki:12433259,darkmagenta:9109643,darkolivegreen:5597999,darkorange:16747520,darkorchid:10040012,darkred:9109504,darksalmon:15308410,darkseagreen:9419919,darkslateblue:4734347,darkslategray:3100495,darkslategrey:3100495,darkturquoise:52945,darkviolet:9699539,deeppink:16716947,deepskyblue:49151,dimgray:6908265,dimgrey:6908265,dodgerblue:2003199,firebrick:11674146,floralwhite:16775920,forestgreen:2263842,fuchsia:16711935,gainsboro:14474460,ghostwhite:16316671,gold:16766720,goldenrod:14329120,gray:8421504,green:32768,greenyellow:11403055,grey:8421504,honeydew:15794160,hotpink:16738740,indianred:13458524,indigo:4915330,ivory:16777200,khaki:15787660,lavender:15132410,lavenderblush:16773365,lawngreen:8190976,lemonchiffon:16775885,lightblue:11393254,lightcoral:15761536,lightcyan:14745599,lightgoldenrodyellow:16448210,lightgray:13882323,lightgreen:9498256,lightgrey:13882323,lightpink:16758465,lightsalmon:16752762,lightseagreen:2142890,lightskyblue:8900346,lightslategray:7833753,lightslategrey:7833753,lightsteelblue:11584734,lightyellow:16777184,lime:65280,limegreen:3329330,linen:16445670,magenta:16711935,maroon:8388608,mediumaquamarine:6737322,mediumblue:205,mediumorchid:12211667,mediumpurple:9662683,mediumseagreen:3978097,mediumslateblue:8087790,mediumspringgreen:64154,mediumturquoise:4772300,mediumvioletred:13047173,midnightblue:1644912,mintcream:16121850,mistyrose:16770273,moccasin:16770229,navajowhite:16768685,navy:128,oldlace:16643558,olive:8421376,olivedrab:7048739,orange:16753920,orangered:16729344,orchid:14315734,palegoldenrod:15657130,palegreen:10025880,paleturquoise:11529966,palevioletred:14381203,papayawhip:16773077,peachpuff:16767673,peru:13468991,pink:16761035,plum:14524637,powderblue:11591910,purple:8388736,rebeccapurple:6697881,red:16711680,rosybrown:12357519,royalblue:4286945,saddlebrown:9127187,salmon:16416882,sandybrown:16032864,seagreen:3050327,seashell:16774638,sienna:10506797,silver:12632256,skyblue:8900331,slateblue:6970061,slategray:7372944,slategrey:7372944,snow:16775930,springgreen:65407,steelblue:4620980,tan:13808780,teal:32896,thistle:14204888,tomato:16737095,turquoise:4251856,violet:15631086,wheat:16113331,white:16777215,whitesmoke:16119285,yellow:16776960,yellowgreen:10145074};zt(gt,Nt,{copy(t){return Object.assign(new this.constructor,this,t)},displayable(){return this.rgb().displayable()},hex:ar,formatHex:ar,formatHex8:$a,formatHsl:Sa,formatRgb:sr,toString:sr});function ar(){return this.rgb().formatHex()}function $a(){return this.rgb().formatHex8()}function Sa(){return mr(this).formatHsl()}function sr(){return this.rgb().formatRgb()}function Nt(t){var n,e;return t=(t+"").trim().toLowerCase(),(n=_a.exec(t))?(e=n[1].length,n=parseInt(n[1],16),e===6?ur(n):e===3?new F(n>>8&15|n>>4&240,n>>4&15|n&240,(n&15)<<4|n&15,1):e===8?hn(n>>24&255,n>>16&255,n>>8&255,(n&255)/255):e===4?hn(n>>12&15|n>>8&240,n>>8&15|n>>4&240,n>>4&15|n&240,((n&15)<<4|n&15)/255):null):(n=ba.exec(t))?new F(n[1],n[2],n[3],1):(n=Ma.exec(t))?new F(n[1]*255/100,n[2]*255/100,n[3]*255/100,1):(n=ka.exec(t))?hn(n[1],n[2],n[3],n[4]):(n=Na.exec(t))?hn(n[1]*255/100,n[2]*255/100,n[3]*255/100,n[4]):(n=Aa.exec(t))?fr(n[1],n[2]/100,n[3]/100,1):(n=Ea.exec(t))?fr(n[1],n[2]/100,n[3]/100,n[4]):or.hasOwnProperty(t)?ur(or[t]):t==="transparent"?new F(NaN,NaN,NaN,0):null}function ur(t){return new F(t>>16&255,t>>8&255,t&255,1)}function hn(t,n,e,r){return r<=0&&(t=n=e=NaN),new F(t,n,e,r)}function ne(t){return t instanceof gt||(t=Nt(t)),t?(t=t.rgb(),new F(t.r,t.g,t.b,t.opacity)):new F}function jt(t,n,e,r){return arguments.length===1?ne(t):new F(t,n,e,r??1)}function F(t,n,e,r){this.r=+t,this.g=+n,this.b=+e,this.opacity=+r}zt(F,jt,Yt(gt,{brighter(t){return t=t==null?Ct:Math.pow(Ct,t),new F(this.r*t,this.g*t,this.b*t,this.opacity)},darker(t){return t=t==null?kt:Math.pow(kt,t),new F(this.r*t,this.g*t,this.b*t,this.opacity)},rgb(){return this},clamp(){return new F(bt(this.r),bt(this.g),bt(this.b),pn(this.opacity))},displayable(){return-.5<=this.r&&this.r<255.5&&-.5<=this.g&&this.g<255.5&&-.5<=this.b&&this.b<255.5&&0<=this.opacity&&this.opacity<=1},hex:lr,formatHex:lr,formatHex8:Ta,formatRgb:cr,toString:cr}));function lr(){return`#${_t(this.r)}${_t(this.g)}${_t(this.b)}`}function Ta(){return`#${_t(this.r)}${_t(this.g)}${_t(this.b)}${_t((isNaN(this.opacity)?1:this.opacity)*255)}`}function cr(){let t=pn(this.opacity);return`${t===1?"rgb(":"rgba("}${bt(this.r)}, ${bt(this.g)}, ${bt(this.b)}${t===1?")":`, ${t})`}`}function pn(t){return isNaN(t)?1:Math.max(0,Math.min(1,t))}function bt(t){return Math.max(0,Math.min(255,Math.round(t)||0))}function _t(t){return t=bt(t),(t<16?"0":"")+t.toString(16)}function fr(t,n,e,r){return r<=0?t=n=e=NaN:e<=0||e>=1?t=n=NaN:n<=0&&(t=NaN),new et(t,n,e,r)}function mr(t){if(t instanceof et)return new et(t.h,t.s,t.l,t.opacity);if(t instanceof gt||(t=Nt(t)),!t)return new et;if(t instanceof et)return t;t=t.rgb();var n=t.r/255,e=t.g/255,r=t.b/255,i=Math.min(n,e,r),o=Math.max(n,e,r),a=NaN,s=o-i,c=(o+i)/2;return s?(n===o?a=(e-r)/s+(e<r)*6:e===o?a=(r-n)/s+2:a=(n-e)/s+4,s/=c<.5?o+i:2-o-i,a*=60):s=c>0&&c<1?0:a,new et(a,s,c,t.opacity)}function mn(t,n,e,r){return arguments.length===1?mr(t):new et(t,n,e,r??1)}function et(t,n,e,r){this.h=+t,this.s=+n,this.l=+e,this.opacity=+r}zt(et,mn,Yt(gt,{brighter(t){return t=t==null?Ct:Math.pow(Ct,t),new et(this.h,this.s,this.l*t,this.opacity)},darker(t){return t=t==null?kt:Math.pow(kt,t),new et(this.h,this.s,this.l*t,this.opacity)},rgb(){var t=this.h%360+(this.h<0)*360,n=isNaN(t)||isNaN(this.s)?0:this.s,e=this.l,r=e+(e<.5?e:1-e)*n,i=2*e-r;return new F(Kn(t>=240?t-240:t+120,i,r),Kn(t,i,r),Kn(t<120?t+240:t-120,i,r),this.opacity)},clamp(){return new et(hr(this.h),dn(this.s),dn(this.l),pn(this.opacity))},displayable(){return(0<=this.s&&this.s<=1||isNaN(this.s))&&0<=this.l&&this.l<=1&&0<=this.opacity&&this.opacity<=1},formatHsl(){let t=pn(this.opacity);return`${t===1?"hsl(":"hsla("}${hr(this.h)}, ${dn(this.s)*100}%, ${dn(this.l)*100}%${t===1?")":`, ${t})`}`}}));function hr(t){return t=(t||0)%360,t<0?t+360:t}function dn(t){return Math.max(0,Math.min(1,t||0))}function Kn(t,n,e){return(t<60?n+(e-n)*t/60:t<180?e:t<240?n+(e-n)*(240-t)/60:n)*255}var yr=Math.PI/180,vr=180/Math.PI,gn=18,wr=.96422,xr=1,_r=.82521,br=4/29,Tt=6/29,Mr=3*Tt*Tt,Ca=Tt*Tt*Tt;function kr(t){if(t instanceof ot)return new ot(t.l,t.a,t.b,t.opacity);if(t instanceof lt)return Ar(t);t instanceof F||(t=ne(t));var n=te(t.r),e=te(t.g),r=te(t.b),i=Un((.2225045*n+.7168786*e+.0606169*r)/xr),o,a;return n===e&&e===r?o=a=i:(o=Un((.4360747*n+.3850649*e+.1430804*r)/wr),a=Un((.0139322*n+.0971045*e+.7141733*r)/_r)),new ot(116*i-16,500*(o-i),200*(i-a),t.opacity)}function Nr(t,n,e,r){return arguments.length===1?kr(t):new ot(t,n,e,r??1)}function ot(t,n,e,r){this.l=+t,this.a=+n,this.b=+e,this.opacity=+r}zt(ot,Nr,Yt(gt,{brighter(t){return new ot(this.l+gn*(t??1),this.a,this.b,this.opacity)},darker(t){return new ot(this.l-gn*(t??1),this.a,this.b,this.opacity)},rgb(){var t=(this.l+16)/116,n=isNaN(this.a)?t:t+this.a/500,e=isNaN(this.b)?t:t-this.b/200;return n=wr*Zn(n),t=xr*Zn(t),e=_r*Zn(e),new F(Qn(3.1338561*n-1.6168667*t-.4906146*e),Qn(-.9787684*n+1.9161415*t+.033454*e),Qn(.0719453*n-.2289914*t+1.4052427*e),this.opacity)}}));function Un(t){return t>Ca?Math.pow(t,1/3):t/Mr+br}function Zn(t){return t>Tt?t*t*t:Mr*(t-br)}function Qn(t){return 255*(t<=.0031308?12.92*t:1.055*Math.pow(t,1/2.4)-.055)}function te(t){return(t/=255)<=.04045?t/12.92:Math.pow((t+.055)/1.055,2.4)}function za(t){if(t instanceof lt)return new lt(t.h,t.c,t.l,t.opacity);if(t instanceof ot||(t=kr(t)),t.a===0&&t.b===0)return new lt(NaN,0<t.l&&t.l<100?0:NaN,t.l,t.opacity);var n=Math.atan2(t.b,t.a)*vr;return new lt(n<0?n+360:n,Math.sqrt(t.a*t.a+t.b*t.b),t.l,t.opacity)}function yn(t,n,e,r){return arguments.length===1?za(t):new lt(t,n,e,r??1)}function lt(t,n,e,r){this.h=+t,this.c=+n,this.l=+e,this.opacity=+r}function Ar(t){if(isNaN(t.h))return new ot(t.l,0,0,t.opacity);var n=t.h*yr;return new ot(t.l,Math.cos(n)*t.c,Math.sin(n)*t.c,t.opacity)}zt(lt,yn,Yt(gt,{brighter(t){return new lt(this.h,this.c,this.l+gn*(t??1),this.opacity)},darker(t){return new lt(this.h,this.c,this.l-gn*(t??1),this.opacity)},rgb(){return Ar(this).rgb()}}));var Er=-.14861,ee=1.78277,re=-.29227,vn=-.90649,Ht=1.97294,dr=Ht*vn,pr=Ht*ee,gr=ee*re-vn*Er;function Ia(t){if(t instanceof Mt)return new Mt(t.h,t.s,t.l,t.opacity);t instanceof F||(t=ne(t));var n=t.r/255,e=t.g/255,r=t.b/255,i=(gr*r+dr*n-pr*e)/(gr+dr-pr),o=r-i,a=(Ht*(e-i)-re*o)/vn,s=Math.sqrt(a*a+o*o)/(Ht*i*(1-i)),c=s?Math.atan2(a,o)*vr-120:NaN;return new Mt(c<0?c+360:c,s,i,t.opacity)}function wn(t,n,e,r){return arguments.length===1?Ia(t):new Mt(t,n,e,r??1)}function Mt(t,n,e,r){this.h=+t,this.s=+n,this.l=+e,this.opacity=+r}zt(Mt,wn,Yt(gt,{brighter(t){return t=t==null?Ct:Math.pow(Ct,t),new Mt(this.h,this.s,this.l*t,this.opacity)},darker(t){return t=t==null?kt:Math.pow(kt,t),new Mt(this.h,this.s,this.l*t,this.opacity)},rgb(){var t=isNaN(this.h)?0:(this.h+120)*yr,n=+this.l,e=isNaN(this.s)?0:this.s*n*(1-n),r=Math.cos(t),i=Math.sin(t);return new F(255*(n+e*(Er*r+ee*i)),255*(n+e*(re*r+vn*i)),255*(n+e*(Ht*r)),this.opacity)}}));function Tr(t,n,e,r,i){var o=t*t,a=o*t;return((1-3*t+3*o-a)*n+(4-6*o+3*a)*e+(1+3*t+3*o-3*a)*r+a*i)/6}function Oa(t){var n=t.length-1;return function(e){var r=e<=0?e=0:e>=1?(e=1,n-1):Math.floor(e*n),i=t[r],o=t[r+1],a=r>0?t[r-1]:2*i-o,s=r<n-1?t[r+2]:2*o-i;return Tr((e-r/n)*n,a,i,o,s)}}function La(t){var n=t.length;return function(e){var r=Math.floor(((e%=1)<0?++e:e)*n),i=t[(r+n-1)%n],o=t[r%n],a=t[(r+1)%n],s=t[(r+2)%n];return Tr((e-r/n)*n,i,o,a,s)}}var se=t=>()=>t;function Cr(t,n){return function(e){return t+e*n}}function Ra(t,n,e){return t=Math.pow(t,e),n=Math.pow(n,e)-t,e=1/e,function(r){return Math.pow(t+r*n,e)}}function ue(t,n){var e=n-t;return e?Cr(t,e>180||e<-180?e-360*Math.round(e/360):e):se(isNaN(t)?n:t)}function Pa(t){return(t=+t)==1?J:function(n,e){return e-n?Ra(n,e,t):se(isNaN(n)?e:n)}}function J(t,n){var e=n-t;return e?Cr(t,e):se(isNaN(t)?n:t)}var le=(function t(n){var e=Pa(n);function r(i,o){var a=e((i=jt(i)).r,(o=jt(o)).r),s=e(i.g,o.g),c=e(i.b,o.b),l=J(i.opacity,o.opacity);return function(u){return i.r=a(u),i.g=s(u),i.b=c(u),i.opacity=l(u),i+""}}return r.gamma=t,r})(1);function zr(t){return function(n){var e=n.length,r=new Array(e),i=new Array(e),o=new Array(e),a,s;for(a=0;a<e;++a)s=jt(n[a]),r[a]=s.r||0,i[a]=s.g||0,o[a]=s.b||0;return r=t(r),i=t(i),o=t(o),s.opacity=1,function(c){return s.r=r(c),s.g=i(c),s.b=o(c),s+""}}}var Du=zr(Oa),Bu=zr(La);function ct(t,n){return t=+t,n=+n,function(e){return t*(1-e)+n*e}}var oe=/[-+]?(?:\d+\.?\d*|\.?\d+)(?:[eE][-+]?\d+)?/g,ie=new RegExp(oe.source,"g");function Da(t){return function(){return t}}function Ba(t){return function(n){return t(n)+""}}function Ir(t,n){var e=oe.lastIndex=ie.lastIndex=0,r,i,o,a=-1,s=[],c=[];for(t=t+"",n=n+"";(r=oe.exec(t))&&(i=ie.exec(n));)(o=i.index)>e&&(o=n.slice(e,o),s[a]?s[a]+=o:s[++a]=o),(r=r[0])===(i=i[0])?s[a]?s[a]+=i:s[++a]=i:(s[++a]=null,c.push({i:a,x:ct(r,i)})),e=ie.lastIndex;return e<n.length&&(o=n.slice(e),s[a]?s[a]+=o:s[++a]=o),s.length<2?c[0]?Ba(c[0].x):Da(n):(n=c.length,function(l){for(var u=0,d;u<n;++u)s[(d=c[u]).i]=d.x(l);return s.join("")})}var $r=180/Math.PI,ae={translateX:0,translateY:0,rotate:0,skewX:0,scaleX:1,scaleY:1};function Or(t,n,e,r,i,o){var a,s,c;return(a=Math.sqrt(t*t+n*n))&&(t/=a,n/=a),(c=t*e+n*r)&&(e-=t*c,r-=n*c),(s=Math.sqrt(e*e+r*r))&&(e/=s,r/=s,c/=s),t*r<n*e&&(t=-t,n=-n,c=-c,a=-a),{translateX:i,translateY:o,rotate:Math.atan2(n,t)*$r,skewX:Math.atan(c)*$r,scaleX:a,scaleY:s}}var xn;function Fa(t){let n=new(typeof DOMMatrix=="function"?DOMMatrix:WebKitCSSMatrix)(t+"");return n.isIdentity?ae:Or(n.a,n.b,n.c,n.d,n.e,n.f)}function qa(t){return t==null||(xn||(xn=document.createElementNS("http://www.w3.org/2000/svg","g")),xn.setAttribute("transform",t),!(t=xn.transform.baseVal.consolidate()))?ae:(t=t.matrix,Or(t.a,t.b,t.c,t.d,t.e,t.f))}function Lr(t,n,e,r){function i(l){return l.length?l.pop()+" ":""}function o(l,u,d,g,p,w){if(l!==d||u!==g){var m=p.push("translate(",null,n,null,e);w.push({i:m-4,x:ct(l,d)},{i:m-2,x:ct(u,g)})}else(d||g)&&p.push("translate("+d+n+g+e)}function a(l,u,d,g){l!==u?(l-u>180?u+=360:u-l>180&&(l+=360),g.push({i:d.push(i(d)+"rotate(",null,r)-2,x:ct(l,u)})):u&&d.push(i(d)+"rotate("+u+r)}function s(l,u,d,g){l!==u?g.push({i:d.push(i(d)+"skewX(",null,r)-2,x:ct(l,u)}):u&&d.push(i(d)+"skewX("+u+r)}function c(l,u,d,g,p,w){if(l!==d||u!==g){var m=p.push(i(p)+"scale(",null,",",null,")");w.push({i:m-4,x:ct(l,d)},{i:m-2,x:ct(u,g)})}else(d!==1||g!==1)&&p.push(i(p)+"scale("+d+","+g+")")}return function(l,u){var d=[],g=[];return l=t(l),u=t(u),o(l.translateX,l.translateY,u.translateX,u.translateY,d,g),a(l.rotate,u.rotate,d,g),s(l.skewX,u.skewX,d,g),c(l.scaleX,l.scaleY,u.scaleX,u.scaleY,d,g),l=u=null,function(p){for(var w=-1,m=g.length,v;++w<m;)d[(v=g[w]).i]=v.x(p);return d.join("")}}}var Rr=Lr(Fa,"px, ","px)","deg)"),Pr=Lr(qa,", ",")",")"),Xa=1e-12;function Sr(t){return((t=Math.exp(t))+1/t)/2}function Va(t){return((t=Math.exp(t))-1/t)/2}function Ha(t){return((t=Math.exp(2*t))-1)/(t+1)}var Dr=(function t(n,e,r){function i(o,a){var s=o[0],c=o[1],l=o[2],u=a[0],d=a[1],g=a[2],p=u-s,w=d-c,m=p*p+w*w,v,y;if(m<Xa)y=Math.log(g/l)/n,v=function(L){return[s+L*p,c+L*w,l*Math.exp(n*L*y)]};else{var M=Math.sqrt(m),S=(g*g-l*l+r*m)/(2*l*e*M),k=(g*g-l*l-r*m)/(2*g*e*M),C=Math.log(Math.sqrt(S*S+1)-S),I=Math.log(Math.sqrt(k*k+1)-k);y=(I-C)/n,v=function(L){var R=L*y,D=Sr(C),O=l/(e*M)*(D*Ha(n*R+C)-Va(C));return[s+O*p,c+O*w,l*D/Sr(n*R+C)]}}return v.duration=Math.abs(y)*1e3*n/Math.SQRT2,v}return i.rho=function(o){var a=Math.max(.001,+o),s=a*a,c=s*s;return t(a,s,c)},i})(Math.SQRT2,2,4);function Br(t){return function(n,e){var r=t((n=mn(n)).h,(e=mn(e)).h),i=J(n.s,e.s),o=J(n.l,e.l),a=J(n.opacity,e.opacity);return function(s){return n.h=r(s),n.s=i(s),n.l=o(s),n.opacity=a(s),n+""}}}var Fu=Br(ue),qu=Br(J);function Fr(t){return function(n,e){var r=t((n=yn(n)).h,(e=yn(e)).h),i=J(n.c,e.c),o=J(n.l,e.l),a=J(n.opacity,e.opacity);return function(s){return n.h=r(s),n.c=i(s),n.l=o(s),n.opacity=a(s),n+""}}}var Xu=Fr(ue),Vu=Fr(J);function qr(t){return(function n(e){e=+e;function r(i,o){var a=t((i=wn(i)).h,(o=wn(o)).h),s=J(i.s,o.s),c=J(i.l,o.l),l=J(i.opacity,o.opacity);return function(u){return i.h=a(u),i.s=s(u),i.l=c(Math.pow(u,e)),i.opacity=l(u),i+""}}return r.gamma=n,r})(1)}var Hu=qr(ue),Yu=qr(J);function Vr(t){return((t*=2)<=1?t*t*t:(t-=2)*t*t+2)/2}var ce=3,Gu=(function t(n){n=+n;function e(r){return Math.pow(r,n)}return e.exponent=t,e})(ce),Ju=(function t(n){n=+n;function e(r){return 1-Math.pow(1-r,n)}return e.exponent=t,e})(ce),Wu=(function t(n){n=+n;function e(r){return((r*=2)<=1?Math.pow(r,n):2-Math.pow(2-r,n))/2}return e.exponent=t,e})(ce),Ya=Math.PI,Ku=Ya/2;function _n(t){return(Math.pow(2,-10*t)-.0009765625)*1.0009775171065494}var Xr=4/11,Uu=6/11,Zu=8/11,Qu=3/4,tl=9/11,nl=10/11,el=15/16,rl=21/22,il=63/64,ol=1/Xr/Xr;var fe=1.70158,al=(function t(n){n=+n;function e(r){return(r=+r)*r*(n*(r-1)+r)}return e.overshoot=t,e})(fe),sl=(function t(n){n=+n;function e(r){return--r*r*((r+1)*n+r)+1}return e.overshoot=t,e})(fe),ul=(function t(n){n=+n;function e(r){return((r*=2)<1?r*r*((n+1)*r-n):(r-=2)*r*((n+1)*r+n)+2)/2}return e.overshoot=t,e})(fe),It=2*Math.PI,he=1,de=.3,ll=(function t(n,e){var r=Math.asin(1/(n=Math.max(1,n)))*(e/=It);function i(o){return n*_n(- --o)*Math.sin((r-o)/e)}return i.amplitude=function(o){return t(o,e*It)},i.period=function(o){return t(n,o)},i})(he,de),cl=(function t(n,e){var r=Math.asin(1/(n=Math.max(1,n)))*(e/=It);function i(o){return 1-n*_n(o=+o)*Math.sin((o+r)/e)}return i.amplitude=function(o){return t(o,e*It)},i.period=function(o){return t(n,o)},i})(he,de),fl=(function t(n,e){var r=Math.asin(1/(n=Math.max(1,n)))*(e/=It);function i(o){return((o=o*2-1)<0?n*_n(-o)*Math.sin((r-o)/e):2-n*_n(o)*Math.sin((r+o)/e))/2}return i.amplitude=function(o){return t(o,e*It)},i.period=function(o){return t(n,o)},i})(he,de);var ja=yt("start","end","cancel","interrupt"),Ga=[],jr=0,Hr=1,pe=2,bn=3,Yr=4,ge=5,Mn=6;function kn(t,n,e,r,i,o){var a=t.__transition;if(!a)t.__transition={};else if(e in a)return;Ja(t,e,{name:n,index:r,group:i,on:ja,tween:Ga,time:o.time,delay:o.delay,duration:o.duration,ease:o.ease,timer:null,state:jr})}function me(t,n){var e=rt(t,n);if(e.state>jr)throw new Error("too late; already scheduled");return e}function at(t,n){var e=rt(t,n);if(e.state>bn)throw new Error("too late; already running");return e}function rt(t,n){var e=t.__transition;if(!e||!(e=e[n]))throw new Error("transition not found");return e}function Ja(t,n,e){var r=t.__transition,i;r[n]=e,e.timer=qt(o,0,e.time);function o(l){e.state=Hr,e.timer.restart(a,e.delay,e.time),e.delay<=l&&a(l-e.delay)}function a(l){var u,d,g,p;if(e.state!==Hr)return c();for(u in r)if(p=r[u],p.name===e.name){if(p.state===bn)return Xn(a);p.state===Yr?(p.state=Mn,p.timer.stop(),p.on.call("interrupt",t,t.__data__,p.index,p.group),delete r[u]):+u<n&&(p.state=Mn,p.timer.stop(),p.on.call("cancel",t,t.__data__,p.index,p.group),delete r[u])}if(Xn(function(){e.state===bn&&(e.state=Yr,e.timer.restart(s,e.delay,e.time),s(l))}),e.state=pe,e.on.call("start",t,t.__data__,e.index,e.group),e.state===pe){for(e.state=bn,i=new Array(g=e.tween.length),u=0,d=-1;u<g;++u)(p=e.tween[u].value.call(t,t.__data__,e.index,e.group))&&(i[++d]=p);i.length=d+1}}function s(l){for(var u=l<e.duration?e.ease.call(null,l/e.duration):(e.timer.restart(c),e.state=ge,1),d=-1,g=i.length;++d<g;)i[d].call(t,u);e.state===ge&&(e.on.call("end",t,t.__data__,e.index,e.group),c())}function c(){e.state=Mn,e.timer.stop(),delete r[n];for(var l in r)return;delete t.__transition}}function Gt(t,n){var e=t.__transition,r,i,o=!0,a;if(e){n=n==null?null:n+"";for(a in e){if((r=e[a]).name!==n){o=!1;continue}i=r.state>pe&&r.state<ge,r.state=Mn,r.timer.stop(),r.on.call(i?"interrupt":"cancel",t,t.__data__,r.index,r.group),delete e[a]}o&&delete t.__transition}}function Wa(t){return this.each(function(){Gt(this,t)})}function Ka(t,n){var e,r;return function(){var i=at(this,t),o=i.tween;if(o!==e){r=e=o;for(var a=0,s=r.length;a<s;++a)if(r[a].name===n){r=r.slice(),r.splice(a,1);break}}i.tween=r}}function Ua(t,n,e){var r,i;if(typeof e!="function")throw new Error;return function(){var o=at(this,t),a=o.tween;if(a!==r){i=(r=a).slice();for(var s={name:n,value:e},c=0,l=i.length;c<l;++c)if(i[c].name===n){i[c]=s;break}c===l&&i.push(s)}o.tween=i}}function Za(t,n){var e=this._id;if(t+="",arguments.length<2){for(var r=rt(this.node(),e).tween,i=0,o=r.length,a;i<o;++i)if((a=r[i]).name===t)return a.value;return null}return this.each((n==null?Ka:Ua)(e,t,n))}function ye(t,n,e){var r=t._id;return t.each(function(){var i=at(this,r);(i.value||(i.value={}))[n]=e.apply(this,arguments)}),function(i){return rt(i,r).value[n]}}function Gr(t,n){var e;return(typeof n=="number"?ct:n instanceof Nt?le:(e=Nt(n))?(n=e,le):Ir)(t,n)}function Qa(t){return function(){this.removeAttribute(t)}}function ts(t){return function(){this.removeAttributeNS(t.space,t.local)}}function ns(t,n,e){var r,i=e+"",o;return function(){var a=this.getAttribute(t);return a===i?null:a===r?o:o=n(r=a,e)}}function es(t,n,e){var r,i=e+"",o;return function(){var a=this.getAttributeNS(t.space,t.local);return a===i?null:a===r?o:o=n(r=a,e)}}function rs(t,n,e){var r,i,o;return function(){var a,s=e(this),c;return s==null?void this.removeAttribute(t):(a=this.getAttribute(t),c=s+"",a===c?null:a===r&&c===i?o:(i=c,o=n(r=a,s)))}}function is(t,n,e){var r,i,o;return function(){var a,s=e(this),c;return s==null?void this.removeAttributeNS(t.space,t.local):(a=this.getAttributeNS(t.space,t.local),c=s+"",a===c?null:a===r&&c===i?o:(i=c,o=n(r=a,s)))}}function os(t,n){var e=Xt(t),r=e==="transform"?Pr:Gr;return this.attrTween(t,typeof n=="function"?(e.local?is:rs)(e,r,ye(this,"attr."+t,n)):n==null?(e.local?ts:Qa)(e):(e.local?es:ns)(e,r,n))}function as(t,n){return function(e){this.setAttribute(t,n.call(this,e))}}function ss(t,n){return function(e){this.setAttributeNS(t.space,t.local,n.call(this,e))}}function us(t,n){var e,r;function i(){var o=n.apply(this,arguments);return o!==r&&(e=(r=o)&&ss(t,o)),e}return i._value=n,i}function ls(t,n){var e,r;function i(){var o=n.apply(this,arguments);return o!==r&&(e=(r=o)&&as(t,o)),e}return i._value=n,i}function cs(t,n){var e="attr."+t;if(arguments.length<2)return(e=this.tween(e))&&e._value;if(n==null)return this.tween(e,null);if(typeof n!="function")throw new Error;var r=Xt(t);return this.tween(e,(r.local?us:ls)(r,n))}function fs(t,n){return function(){me(this,t).delay=+n.apply(this,arguments)}}function hs(t,n){return n=+n,function(){me(this,t).delay=n}}function ds(t){var n=this._id;return arguments.length?this.each((typeof t=="function"?fs:hs)(n,t)):rt(this.node(),n).delay}function ps(t,n){return function(){at(this,t).duration=+n.apply(this,arguments)}}function gs(t,n){return n=+n,function(){at(this,t).duration=n}}function ms(t){var n=this._id;return arguments.length?this.each((typeof t=="function"?ps:gs)(n,t)):rt(this.node(),n).duration}function ys(t,n){if(typeof n!="function")throw new Error;return function(){at(this,t).ease=n}}function vs(t){var n=this._id;return arguments.length?this.each(ys(n,t)):rt(this.node(),n).ease}function ws(t,n){return function(){var e=n.apply(this,arguments);if(typeof e!="function")throw new Error;at(this,t).ease=e}}function xs(t){if(typeof t!="function")throw new Error;return this.each(ws(this._id,t))}function _s(t){typeof t!="function"&&(t=jn(t));for(var n=this._groups,e=n.length,r=new Array(e),i=0;i<e;++i)for(var o=n[i],a=o.length,s=r[i]=[],c,l=0;l<a;++l)(c=o[l])&&t.call(c,c.__data__,l,o)&&s.push(c);return new ht(r,this._parents,this._name,this._id)}function bs(t){if(t._id!==this._id)throw new Error;for(var n=this._groups,e=t._groups,r=n.length,i=e.length,o=Math.min(r,i),a=new Array(r),s=0;s<o;++s)for(var c=n[s],l=e[s],u=c.length,d=a[s]=new Array(u),g,p=0;p<u;++p)(g=c[p]||l[p])&&(d[p]=g);for(;s<r;++s)a[s]=n[s];return new ht(a,this._parents,this._name,this._id)}function Ms(t){return(t+"").trim().split(/^|\s+/).every(function(n){var e=n.indexOf(".");return e>=0&&(n=n.slice(0,e)),!n||n==="start"})}function ks(t,n,e){var r,i,o=Ms(n)?me:at;return function(){var a=o(this,t),s=a.on;s!==r&&(i=(r=s).copy()).on(n,e),a.on=i}}function Ns(t,n){var e=this._id;return arguments.length<2?rt(this.node(),e).on.on(t):this.each(ks(e,t,n))}function As(t){return function(){var n=this.parentNode;for(var e in this.__transition)if(+e!==t)return;n&&n.removeChild(this)}}function Es(){return this.on("end.remove",As(this._id))}function $s(t){var n=this._name,e=this._id;typeof t!="function"&&(t=fn(t));for(var r=this._groups,i=r.length,o=new Array(i),a=0;a<i;++a)for(var s=r[a],c=s.length,l=o[a]=new Array(c),u,d,g=0;g<c;++g)(u=s[g])&&(d=t.call(u,u.__data__,g,s))&&("__data__"in u&&(d.__data__=u.__data__),l[g]=d,kn(l[g],n,e,g,l,rt(u,e)));return new ht(o,this._parents,n,e)}function Ss(t){var n=this._name,e=this._id;typeof t!="function"&&(t=Yn(t));for(var r=this._groups,i=r.length,o=[],a=[],s=0;s<i;++s)for(var c=r[s],l=c.length,u,d=0;d<l;++d)if(u=c[d]){for(var g=t.call(u,u.__data__,d,c),p,w=rt(u,e),m=0,v=g.length;m<v;++m)(p=g[m])&&kn(p,n,e,m,g,w);o.push(g),a.push(u)}return new ht(o,a,n,e)}var Ts=xt.prototype.constructor;function Cs(){return new Ts(this._groups,this._parents)}function zs(t,n){var e,r,i;return function(){var o=wt(this,t),a=(this.style.removeProperty(t),wt(this,t));return o===a?null:o===e&&a===r?i:i=n(e=o,r=a)}}function Jr(t){return function(){this.style.removeProperty(t)}}function Is(t,n,e){var r,i=e+"",o;return function(){var a=wt(this,t);return a===i?null:a===r?o:o=n(r=a,e)}}function Os(t,n,e){var r,i,o;return function(){var a=wt(this,t),s=e(this),c=s+"";return s==null&&(c=s=(this.style.removeProperty(t),wt(this,t))),a===c?null:a===r&&c===i?o:(i=c,o=n(r=a,s))}}function Ls(t,n){var e,r,i,o="style."+n,a="end."+o,s;return function(){var c=at(this,t),l=c.on,u=c.value[o]==null?s||(s=Jr(n)):void 0;(l!==e||i!==u)&&(r=(e=l).copy()).on(a,i=u),c.on=r}}function Rs(t,n,e){var r=(t+="")=="transform"?Rr:Gr;return n==null?this.styleTween(t,zs(t,r)).on("end.style."+t,Jr(t)):typeof n=="function"?this.styleTween(t,Os(t,r,ye(this,"style."+t,n))).each(Ls(this._id,t)):this.styleTween(t,Is(t,r,n),e).on("end.style."+t,null)}function Ps(t,n,e){return function(r){this.style.setProperty(t,n.call(this,r),e)}}function Ds(t,n,e){var r,i;function o(){var a=n.apply(this,arguments);return a!==i&&(r=(i=a)&&Ps(t,a,e)),r}return o._value=n,o}function Bs(t,n,e){var r="style."+(t+="");if(arguments.length<2)return(r=this.tween(r))&&r._value;if(n==null)return this.tween(r,null);if(typeof n!="function")throw new Error;return this.tween(r,Ds(t,n,e??""))}function Fs(t){return function(){this.textContent=t}}function qs(t){return function(){var n=t(this);this.textContent=n??""}}function Xs(t){return this.tween("text",typeof t=="function"?qs(ye(this,"text",t)):Fs(t==null?"":t+""))}function Vs(t){return function(n){this.textContent=t.call(this,n)}}function Hs(t){var n,e;function r(){var i=t.apply(this,arguments);return i!==e&&(n=(e=i)&&Vs(i)),n}return r._value=t,r}function Ys(t){var n="text";if(arguments.length<1)return(n=this.tween(n))&&n._value;if(t==null)return this.tween(n,null);if(typeof t!="function")throw new Error;return this.tween(n,Hs(t))}function js(){for(var t=this._name,n=this._id,e=Wr(),r=this._groups,i=r.length,o=0;o<i;++o)for(var a=r[o],s=a.length,c,l=0;l<s;++l)if(c=a[l]){var u=rt(c,n);kn(c,t,e,l,a,{time:u.time+u.delay+u.duration,delay:0,duration:u.duration,ease:u.ease})}return new ht(r,this._parents,t,e)}function Gs(){var t,n,e=this,r=e._id,i=e.size();return new Promise(function(o,a){var s={value:a},c={value:function(){--i===0&&o()}};e.each(function(){var l=at(this,r),u=l.on;u!==t&&(n=(t=u).copy(),n._.cancel.push(s),n._.interrupt.push(s),n._.end.push(c)),l.on=n}),i===0&&o()})}var Js=0;function ht(t,n,e,r){this._groups=t,this._parents=n,this._name=e,this._id=r}function Ws(t){return xt().transition(t)}function Wr(){return++Js}var ft=xt.prototype;ht.prototype=Ws.prototype={constructor:ht,select:$s,selectAll:Ss,selectChild:ft.selectChild,selectChildren:ft.selectChildren,filter:_s,merge:bs,selection:Cs,transition:js,call:ft.call,nodes:ft.nodes,node:ft.node,size:ft.size,empty:ft.empty,each:ft.each,on:Ns,attr:os,attrTween:cs,style:Rs,styleTween:Bs,text:Xs,textTween:Ys,remove:Es,tween:Za,delay:ds,duration:ms,ease:vs,easeVarying:xs,end:Gs,[Symbol.iterator]:ft[Symbol.iterator]};var Ks={time:null,delay:0,duration:250,ease:Vr};function Us(t,n){for(var e;!(e=t.__transition)||!(e=e[n]);)if(!(t=t.parentNode))throw new Error(`transition ${n} not found`);return e}function Zs(t){var n,e;t instanceof ht?(n=t._id,t=t._name):(n=Wr(),(e=Ks).time=ln(),t=t==null?null:t+"");for(var r=this._groups,i=r.length,o=0;o<i;++o)for(var a=r[o],s=a.length,c,l=0;l<s;++l)(c=a[l])&&kn(c,t,n,l,a,e||Us(c,n));return new ht(r,this._parents,t,n)}xt.prototype.interrupt=Wa;xt.prototype.transition=Zs;var Nn=t=>()=>t;function Qs(t,{sourceEvent:n,target:e,transform:r,dispatch:i}){Object.defineProperties(this,{type:{value:t,enumerable:!0,configurable:!0},sourceEvent:{value:n,enumerable:!0,configurable:!0},target:{value:e,enumerable:!0,configurable:!0},transform:{value:r,enumerable:!0,configurable:!0},_:{value:i}})}function dt(t,n,e){this.k=t,this.x=n,this.y=e}dt.prototype={constructor:dt,scale:function(t){return t===1?this:new dt(this.k*t,this.x,this.y)},translate:function(t,n){return t===0&n===0?this:new dt(this.k,this.x+this.k*t,this.y+this.k*n)},apply:function(t){return[t[0]*this.k+this.x,t[1]*this.k+this.y]},applyX:function(t){return t*this.k+this.x},applyY:function(t){return t*this.k+this.y},invert:function(t){return[(t[0]-this.x)/this.k,(t[1]-this.y)/this.k]},invertX:function(t){return(t-this.x)/this.k},invertY:function(t){return(t-this.y)/this.k},rescaleX:function(t){return t.copy().domain(t.range().map(this.invertX,this).map(t.invert,t))},rescaleY:function(t){return t.copy().domain(t.range().map(this.invertY,this).map(t.invert,t))},toString:function(){return"translate("+this.x+","+this.y+") scale("+this.k+")"}};var mt=new dt(1,0,0);tu.prototype=dt.prototype;function tu(t){for(;!t.__zoom;)if(!(t=t.parentNode))return mt;return t.__zoom}function ve(t){t.stopImmediatePropagation()}function Jt(t){t.preventDefault(),t.stopImmediatePropagation()}function nu(t){return(!t.ctrlKey||t.type==="wheel")&&!t.button}function eu(){var t=this;return t instanceof SVGElement?(t=t.ownerSVGElement||t,t.hasAttribute("viewBox")?(t=t.viewBox.baseVal,[[t.x,t.y],[t.x+t.width,t.y+t.height]]):[[0,0],[t.width.baseVal.value,t.height.baseVal.value]]):[[0,0],[t.clientWidth,t.clientHeight]]}function Kr(){return this.__zoom||mt}function ru(t){return-t.deltaY*(t.deltaMode===1?.05:t.deltaMode?1:.002)*(t.ctrlKey?10:1)}function iu(){return navigator.maxTouchPoints||"ontouchstart"in this}function ou(t,n,e){var r=t.invertX(n[0][0])-e[0][0],i=t.invertX(n[1][0])-e[1][0],o=t.invertY(n[0][1])-e[0][1],a=t.invertY(n[1][1])-e[1][1];return t.translate(i>r?(r+i)/2:Math.min(0,r)||Math.max(0,i),a>o?(o+a)/2:Math.min(0,o)||Math.max(0,a))}function Ur(){var t=nu,n=eu,e=ou,r=ru,i=iu,o=[0,1/0],a=[[-1/0,-1/0],[1/0,1/0]],s=250,c=Dr,l=yt("start","zoom","end"),u,d,g,p=500,w=150,m=0,v=10;function y(f){f.property("__zoom",Kr).on("wheel.zoom",R,{passive:!1}).on("mousedown.zoom",D).on("dblclick.zoom",O).filter(i).on("touchstart.zoom",B).on("touchmove.zoom",W).on("touchend.zoom touchcancel.zoom",q).style("-webkit-tap-highlight-color","rgba(0,0,0,0)")}y.transform=function(f,x,h,_){var $=f.selection?f.selection():f;$.property("__zoom",Kr),f!==$?C(f,x,h,_):$.interrupt().each(function(){I(this,arguments).event(_).start().zoom(null,typeof x=="function"?x.apply(this,arguments):x).end()})},y.scaleBy=function(f,x,h,_){y.scaleTo(f,function(){var $=this.__zoom.k,A=typeof x=="function"?x.apply(this,arguments):x;return $*A},h,_)},y.scaleTo=function(f,x,h,_){y.transform(f,function(){var $=n.apply(this,arguments),A=this.__zoom,b=h==null?k($):typeof h=="function"?h.apply(this,arguments):h,E=A.invert(b),z=typeof x=="function"?x.apply(this,arguments):x;return e(S(M(A,z),b,E),$,a)},h,_)},y.translateBy=function(f,x,h,_){y.transform(f,function(){return e(this.__zoom.translate(typeof x=="function"?x.apply(this,arguments):x,typeof h=="function"?h.apply(this,arguments):h),n.apply(this,arguments),a)},null,_)},y.translateTo=function(f,x,h,_,$){y.transform(f,function(){var A=n.apply(this,arguments),b=this.__zoom,E=_==null?k(A):typeof _=="function"?_.apply(this,arguments):_;return e(mt.translate(E[0],E[1]).scale(b.k).translate(typeof x=="function"?-x.apply(this,arguments):-x,typeof h=="function"?-h.apply(this,arguments):-h),A,a)},_,$)};function M(f,x){return x=Math.max(o[0],Math.min(o[1],x)),x===f.k?f:new dt(x,f.x,f.y)}function S(f,x,h){var _=x[0]-h[0]*f.k,$=x[1]-h[1]*f.k;return _===f.x&&$===f.y?f:new dt(f.k,_,$)}function k(f){return[(+f[0][0]+ +f[1][0])/2,(+f[0][1]+ +f[1][1])/2]}function C(f,x,h,_){f.on("start.zoom",function(){I(this,arguments).event(_).start()}).on("interrupt.zoom end.zoom",function(){I(this,arguments).event(_).end()}).tween("zoom",function(){var $=this,A=arguments,b=I($,A).event(_),E=n.apply($,A),z=h==null?k(E):typeof h=="function"?h.apply($,A):h,Y=Math.max(E[1][0]-E[0][0],E[1][1]-E[0][1]),P=$.__zoom,j=typeof x=="function"?x.apply($,A):x,tt=c(P.invert(z).concat(Y/P.k),j.invert(z).concat(Y/j.k));return function(G){if(G===1)G=j;else{var nt=tt(G),K=Y/nt[2];G=new dt(K,z[0]-nt[0]*K,z[1]-nt[1]*K)}b.zoom(null,G)}})}function I(f,x,h){return!h&&f.__zooming||new L(f,x)}function L(f,x){this.that=f,this.args=x,this.active=0,this.sourceEvent=null,this.extent=n.apply(f,x),this.taps=0}L.prototype={event:function(f){return f&&(this.sourceEvent=f),this},start:function(){return++this.active===1&&(this.that.__zooming=this,this.emit("start")),this},zoom:function(f,x){return this.mouse&&f!=="mouse"&&(this.mouse[1]=x.invert(this.mouse[0])),this.touch0&&f!=="touch"&&(this.touch0[1]=x.invert(this.touch0[0])),this.touch1&&f!=="touch"&&(this.touch1[1]=x.invert(this.touch1[0])),this.that.__zoom=x,this.emit("zoom"),this},end:function(){return--this.active===0&&(delete this.that.__zooming,this.emit("end")),this},emit:function(f){var x=Q(this.that).datum();l.call(f,this.that,new Qs(f,{sourceEvent:this.sourceEvent,target:y,transform:this.that.__zoom,dispatch:l}),x)}};function R(f,...x){if(!t.apply(this,arguments))return;var h=I(this,x).event(f),_=this.__zoom,$=Math.max(o[0],Math.min(o[1],_.k*Math.pow(2,r.apply(this,arguments)))),A=ut(f);if(h.wheel)(h.mouse[0][0]!==A[0]||h.mouse[0][1]!==A[1])&&(h.mouse[1]=_.invert(h.mouse[0]=A)),clearTimeout(h.wheel);else{if(_.k===$)return;h.mouse=[A,_.invert(A)],Gt(this),h.start()}Jt(f),h.wheel=setTimeout(b,w),h.zoom("mouse",e(S(M(_,$),h.mouse[0],h.mouse[1]),h.extent,a));function b(){h.wheel=null,h.end()}}function D(f,...x){if(g||!t.apply(this,arguments))return;var h=f.currentTarget,_=I(this,x,!0).event(f),$=Q(f.view).on("mousemove.zoom",z,!0).on("mouseup.zoom",Y,!0),A=ut(f,h),b=f.clientX,E=f.clientY;rr(f.view),ve(f),_.mouse=[A,this.__zoom.invert(A)],Gt(this),_.start();function z(P){if(Jt(P),!_.moved){var j=P.clientX-b,tt=P.clientY-E;_.moved=j*j+tt*tt>m}_.event(P).zoom("mouse",e(S(_.that.__zoom,_.mouse[0]=ut(P,h),_.mouse[1]),_.extent,a))}function Y(P){$.on("mousemove.zoom mouseup.zoom",null),ir(P.view,_.moved),Jt(P),_.event(P).end()}}function O(f,...x){if(t.apply(this,arguments)){var h=this.__zoom,_=ut(f.changedTouches?f.changedTouches[0]:f,this),$=h.invert(_),A=h.k*(f.shiftKey?.5:2),b=e(S(M(h,A),_,$),n.apply(this,x),a);Jt(f),s>0?Q(this).transition().duration(s).call(C,b,_,f):Q(this).call(y.transform,b,_,f)}}function B(f,...x){if(t.apply(this,arguments)){var h=f.touches,_=h.length,$=I(this,x,f.changedTouches.length===_).event(f),A,b,E,z;for(ve(f),b=0;b<_;++b)E=h[b],z=ut(E,this),z=[z,this.__zoom.invert(z),E.identifier],$.touch0?!$.touch1&&$.touch0[2]!==z[2]&&($.touch1=z,$.taps=0):($.touch0=z,A=!0,$.taps=1+!!u);u&&(u=clearTimeout(u)),A&&($.taps<2&&(d=z[0],u=setTimeout(function(){u=null},p)),Gt(this),$.start())}}function W(f,...x){if(this.__zooming){var h=I(this,x).event(f),_=f.changedTouches,$=_.length,A,b,E,z;for(Jt(f),A=0;A<$;++A)b=_[A],E=ut(b,this),h.touch0&&h.touch0[2]===b.identifier?h.touch0[0]=E:h.touch1&&h.touch1[2]===b.identifier&&(h.touch1[0]=E);if(b=h.that.__zoom,h.touch1){var Y=h.touch0[0],P=h.touch0[1],j=h.touch1[0],tt=h.touch1[1],G=(G=j[0]-Y[0])*G+(G=j[1]-Y[1])*G,nt=(nt=tt[0]-P[0])*nt+(nt=tt[1]-P[1])*nt;b=M(b,Math.sqrt(G/nt)),E=[(Y[0]+j[0])/2,(Y[1]+j[1])/2],z=[(P[0]+tt[0])/2,(P[1]+tt[1])/2]}else if(h.touch0)E=h.touch0[0],z=h.touch0[1];else return;h.zoom("touch",e(S(b,E,z),h.extent,a))}}function q(f,...x){if(this.__zooming){var h=I(this,x).event(f),_=f.changedTouches,$=_.length,A,b;for(ve(f),g&&clearTimeout(g),g=setTimeout(function(){g=null},p),A=0;A<$;++A)b=_[A],h.touch0&&h.touch0[2]===b.identifier?delete h.touch0:h.touch1&&h.touch1[2]===b.identifier&&delete h.touch1;if(h.touch1&&!h.touch0&&(h.touch0=h.touch1,delete h.touch1),h.touch0)h.touch0[1]=this.__zoom.invert(h.touch0[0]);else if(h.end(),h.taps===2&&(b=ut(b,this),Math.hypot(d[0]-b[0],d[1]-b[1])<v)){var E=Q(this).on("dblclick.zoom");E&&E.apply(this,arguments)}}}return y.wheelDelta=function(f){return arguments.length?(r=typeof f=="function"?f:Nn(+f),y):r},y.filter=function(f){return arguments.length?(t=typeof f=="function"?f:Nn(!!f),y):t},y.touchable=function(f){return arguments.length?(i=typeof f=="function"?f:Nn(!!f),y):i},y.extent=function(f){return arguments.length?(n=typeof f=="function"?f:Nn([[+f[0][0],+f[0][1]],[+f[1][0],+f[1][1]]]),y):n},y.scaleExtent=function(f){return arguments.length?(o[0]=+f[0],o[1]=+f[1],y):[o[0],o[1]]},y.translateExtent=function(f){return arguments.length?(a[0][0]=+f[0][0],a[1][0]=+f[1][0],a[0][1]=+f[0][1],a[1][1]=+f[1][1],y):[[a[0][0],a[0][1]],[a[1][0],a[1][1]]]},y.constrain=function(f){return arguments.length?(e=f,y):e},y.duration=function(f){return arguments.length?(s=+f,y):s},y.interpolate=function(f){return arguments.length?(c=f,y):c},y.on=function(){var f=l.on.apply(l,arguments);return f===l?y:f},y.clickDistance=function(f){return arguments.length?(m=(f=+f)*f,y):Math.sqrt(m)},y.tapDistance=function(f){return arguments.length?(v=+f,y):v},y}var we=11,xe=2;function _e(t,{onClick:n=null,describe:e=o=>o.label??String(o.id),tooltip:r=null,collide:i=!1}={}){let o=t.getContext("2d"),a=[],s=[],c=new Map,l=!1,u=mt,d=null,g=0,p=null,w=0,m=0,v=!1,y=0,M=[],S=()=>{let f=t.getBoundingClientRect(),x=window.devicePixelRatio||1;w=Math.max(1,f.width),m=Math.max(1,f.height),t.width=Math.round(w*x),t.height=Math.round(m*x),o.setTransform(x,0,0,x,0,0),B()},k=(f,x)=>[w/2+u.x+f*u.k,m/2+u.y+x*u.k],C=f=>f.group?I(f):f.r;function I(f){let x=f.r;for(let h of f.group){let _=c.get(h);_&&(x=Math.max(x,Math.hypot(_.x-f.x,_.y-f.y)+C(_)+4))}return x}function L(f,x){let h=f.source,_=f.target,$=_.x-h.x,A=_.y-h.y,b=Math.hypot($,A);if(b<1e-9)return;let E=$/b,z=A/b,Y=(f.width??1)/Math.sqrt(u.k),P=l?Y/2+1/u.k:0,j=-z*P,tt=E*P,G=h.x+E*C(h)+j,nt=h.y+z*C(h)+tt,K=l?Math.min(b/3,4/u.k+2.2*Y):0,Lt=_.x-E*C(_)+j,Rt=_.y-z*C(_)+tt;if(x){o.moveTo(G,nt),o.lineTo(Lt-E*K,Rt-z*K);return}if(o.beginPath(),o.moveTo(G,nt),o.lineTo(Lt-E*K*.9,Rt-z*K*.9),o.strokeStyle=f.color??"rgba(90, 90, 110, 0.45)",o.lineWidth=Y,o.stroke(),l){let tn=K*.55;o.beginPath(),o.moveTo(Lt,Rt),o.lineTo(Lt-E*K-z*tn,Rt-z*K+E*tn),o.lineTo(Lt-E*K+z*tn,Rt-z*K-E*tn),o.closePath(),o.fillStyle=f.color??"rgba(70, 70, 90, 0.7)",o.fill()}}function R(){if(M=[],a.length>3e3)return;o.font=`${we}px system-ui, sans-serif`;let f=a.filter(x=>x.label&&!x.group).sort((x,h)=>x===d?-1:h===d?1:(x.labelRank??0)-(h.labelRank??0));for(let x of f){let[h,_]=k(x.x,x.y),$=o.measureText(x.label).width,A={id:x.id,text:x.label,x0:h-$/2-xe,x1:h+$/2+xe,y1:_-x.r*u.k-2,y0:_-x.r*u.k-2-we-xe};A.x1<0||A.x0>w||A.y1<0||A.y0>m||M.some(b=>b.x0<A.x1&&A.x0<b.x1&&b.y0<A.y1&&A.y0<b.y1)||M.push(A)}}let D=()=>{g=0,o.save(),o.clearRect(0,0,w,m),o.translate(w/2+u.x,m/2+u.y),o.scale(u.k,u.k);for(let h of a)h.group&&(o.beginPath(),o.arc(h.x,h.y,I(h),0,2*Math.PI),o.fillStyle=h.fill??"rgba(120, 130, 150, 0.08)",o.fill(),o.lineWidth=(h===d?2:1)/u.k,o.strokeStyle=h.color,o.stroke());let f=s.filter(h=>!h.hidden),x=f.length>2e3;if(o.lineCap="round",x){o.beginPath();for(let h of f)L(h,!0);o.strokeStyle="rgba(90, 90, 110, 0.18)",o.lineWidth=.6/u.k,o.stroke()}else for(let h of f)L(h,!1);for(let h of a)h.group||(o.beginPath(),o.arc(h.x,h.y,h.r,0,2*Math.PI),o.fillStyle=h.color,o.fill(),(h===d||h.outline)&&(o.lineWidth=2/u.k,o.strokeStyle="#111",o.stroke()));o.restore(),R(),o.save(),o.font=`${we}px system-ui, sans-serif`,o.textAlign="center",o.textBaseline="bottom";for(let h of M){let _=(h.x0+h.x1)/2;o.fillStyle="rgba(255, 255, 255, 0.75)",o.fillRect(h.x0,h.y0,h.x1-h.x0,h.y1-h.y0),o.fillStyle="#222",o.fillText(h.text,_,h.y1-1)}o.restore(),t.dataset.labels=String(M.length)};function O(){if(!a.length)return;let[f,x,h,_]=[1/0,1/0,-1/0,-1/0];for(let E of a){let z=C(E);f=Math.min(f,E.x-z),x=Math.min(x,E.y-z),h=Math.max(h,E.x+z),_=Math.max(_,E.y+z)}let $=Math.min(3,Math.max(.05,Math.min(w/(h-f+40),m/(_-x+40)))),A=(f+h)/2,b=(x+_)/2;Q(t).call(q.transform,mt.translate(-A*$,-b*$).scale($))}function B(){g||(g=requestAnimationFrame(D))}let W=f=>{let x=t.getBoundingClientRect(),[h,_]=u.invert([f.clientX-x.left-w/2,f.clientY-x.top-m/2]),$=null,A=1/0;for(let E of a){if(E.group)continue;let z=Math.hypot(E.x-h,E.y-_)-E.r;z<A&&(A=z,$=E)}if($&&A<=6/u.k)return $;let b=null;for(let E of a)E.group&&Math.hypot(E.x-h,E.y-_)<=I(E)&&(!b||I(E)<I(b))&&(b=E);return b},q=Ur().scaleExtent([.05,20]).on("zoom",f=>{u=f.transform,f.sourceEvent&&(v=!0),B()});return Q(t).call(q).on("dblclick.zoom",null),t.addEventListener("mousemove",f=>{let x=W(f);x!==d&&(d=x,t.style.cursor=x&&n?"pointer":"default",t.dataset.hovered=x?String(x.id):"",B()),r&&(x?(r.textContent=e(x),r.style.left=`${f.offsetX+14}px`,r.style.top=`${f.offsetY+10}px`,r.hidden=!1):r.hidden=!0)}),t.addEventListener("mouseleave",()=>{d=null,t.dataset.hovered="",r&&(r.hidden=!0),B()}),t.addEventListener("click",f=>{let x=W(f);x&&n&&n(x)}),new ResizeObserver(S).observe(t),S(),{setData(f,x,{keepPositions:h=null,directed:_=!1}={}){p?.stop();let $=10*Math.sqrt(f.length+1);for(let b of f){let E=h?.get(b.id);b.x??(b.x=E?.x??(Math.random()-.5)*$),b.y??(b.y=E?.y??(Math.random()-.5)*$)}a=f,s=x,c=new Map(a.map(b=>[b.id,b])),l=_,d=null,t.dataset.nodes=String(a.filter(b=>!b.group).length),t.dataset.links=String(s.filter(b=>!b.hidden).length),t.dataset.directed=String(l);let A=a.length>1500;p=Xe(a).force("link",qe(s).id(b=>b.id).distance(b=>b.distance??30).strength(b=>b.strength??.5)).force("charge",Ve().strength(b=>b.group?0:A?-12:-40).theta(.9).distanceMax(A?200:600)).force("x",He().strength(.04)).force("y",Ye().strength(.04)).force("collide",i?Fe(b=>b.group?0:b.r+2).iterations(2):null).alphaDecay(A?.06:.03).on("tick",()=>{y+=1,!v&&y%10===0&&O(),B()}).on("end",()=>{v||O(),t.dataset.settled="true"}),t.dataset.settled="false",y=0,h||(v=!1,u=mt,Q(t).call(q.transform,mt)),B()},positions(){return new Map(a.map(f=>[f.id,{x:f.x,y:f.y}]))},labels(){return M.map(f=>({...f}))},screenPosition(f){let x=c.get(f);return x?k(x.x,x.y):null},drawnLinks(){return s.filter(f=>!f.hidden).map(f=>({source:f.source.id??f.source,target:f.target.id??f.target,width:f.width,flow:f.flow,weight:f.weight}))},fit(){v=!1,O()},clear(){p?.stop(),a=[],s=[],c=new Map,B()}}}function Qr(t){let n=[],e=new Map,r=(a,s,c)=>{let l={path:a.path,flow:a.flow,enter:a.enter??0,exit:a.exit??0,parent:s,rank:c,depth:s?s.depth+1:0,children:null};return n.push(l),e.set(l.path,l),a.children?l.children=a.children.map(u=>r(u,l,Number(String(u.path).split(":").pop()))):(l.node=a.node,l.name=a.name),l},i=r(t.tree,null,0),o=a=>{if(!a.children){a.size=1,a.leaves=[a];return}a.children.forEach(o),a.size=a.children.reduce((s,c)=>s+c.size,0),a.leaves=a.children.flatMap(s=>s.leaves)};return o(i),{root:i,all:n,byPath:e}}function An(t,n=5){return[...t.leaves].sort((e,r)=>r.flow-e.flow).slice(0,n)}var Zr=(t,n)=>t==="root"?String(n):`${t}:${n}`;function ti(t,n,e){let r=[],i=[],o=[],a=l=>{if(l.children&&(l===t.root||e.has(l.path))){o.push(l),l!==t.root&&i.push(l),l.children.forEach(a);return}r.push(l)};a(t.root);let s=new Map(n.modules.map(l=>[l.path,l.links])),c=[];for(let l of o)for(let[u,d,g]of s.get(l.path)??[])c.push({source:Zr(l.path,u),target:Zr(l.path,d),flow:g,module:l.path});return{units:r,groups:i,links:c}}var st=class extends Error{constructor(n,e){super(n),this.field=e}};function au(t,n,e,r){let i=Number(t);if(t===void 0||t===""||!Number.isFinite(i))throw new st(`line ${e}: ${n} '${t}' is not a finite number`,r);return i}var su=t=>t.split(/\r?\n/);function ni(t){let n=t.trimStart();if(!n)throw new st("paste or upload vectors (CSV or JSON)","vectors");if(n.startsWith("{")||n.startsWith("[")){let u;try{u=JSON.parse(t)}catch(d){throw new st(`not valid JSON: ${d.message}`,"vectors")}if(Array.isArray(u)&&u.length&&!Array.isArray(u[0])&&typeof u[0]=="object")return{vectors:u.map(d=>d.vector??d.embedding),labels:u.map((d,g)=>String(d.label??g))};if(Array.isArray(u))return{vectors:u,labels:null};if(u&&Array.isArray(u.vectors))return{vectors:u.vectors,labels:Array.isArray(u.labels)?u.labels.map(String):null};throw new st('JSON: expected [[...], ...], {"vectors", "labels"} or [{"label", "vector"}]',"vectors")}let r=su(t).map(u=>u.trim()).filter(u=>u&&!u.startsWith("#")).map(u=>u.split(/\s*[,;\t]\s*|\s+/)),i=u=>u!==""&&Number.isFinite(Number(u)),o=0;r.length&&r[0].slice(1).some(u=>!i(u))&&(o=1);let a=r.slice(o),s=a.some(u=>!i(u[0])),c=[],l=[];return a.forEach((u,d)=>{let g=s?u.slice(1):u;c.push(g.map(p=>au(p,"value",d+o+1,"vectors"))),l.push(s?u[0]:String(d))}),{vectors:c,labels:s?l:null}}var uu=5e3,lu=2e4,be=2e3,Me=["#4e79a7","#f28e2b","#e15759","#76b7b2","#59a14f","#edc948","#b07aa1","#ff9da7","#9c755f","#bab0ac","#1f77b4","#aec7e8","#ff7f0e","#98df8a","#d62728","#c5b0d5","#8c564b","#e377c2","#7f7f7f","#bcbd22","#17becf","#393b79","#637939","#8c6d31","#843c39","#7b4173"],Ot=t=>Me[(t-1+Me.length)%Me.length],Tn=t=>Number(t).toPrecision(4),N=(t,n=document)=>n.querySelector(t),At=(t,n=document)=>[...n.querySelectorAll(t)],T={caps:{jobs:!1,jobResult:!1,vectors:!1,formats:[]},source:"network",fileName:"",upload:null,run:null,expanded:new Set,sort:{key:"flow",dir:-1}};function cu(t,n){if(!n)return"_general";let e=String(n).split(".")[0],r={links:"edges",nodes:"edges",sparse:"edges",adjacency:"edges",body:"edges",file:"edges"},i=t.id==="network-form"?r[e]??e:e==="body"?"vectors":e;return N(`.field-error[data-for="${i}"]`,t)?i:"_general"}function Ut(t,n,e){let r=cu(t,n),i=N(`.field-error[data-for="${r}"]`,t);i.textContent=e,i.classList.add("shown"),(i.previousElementSibling?.matches?.("textarea, input, label, select, div")?i.previousElementSibling:null)?.classList.add("invalid")}function Ne(t){for(let n of At(".field-error",t))n.textContent="",n.classList.remove("shown");for(let n of At(".invalid",t))n.classList.remove("invalid")}function En(t){let n=N(t).value.trim(),e=Number(n);return n!==""&&Number.isFinite(e)?e:n}var $n=t=>N(t).value.trim();function Kt(t,n,e="running\u2026"){N(`#${t}busy`).hidden=!n;let r=N(`#${t}busy-text`);r&&(r.textContent=e),N(t?"#vectors-run":"#run").disabled=n}function Cn(t,n){let e=N(`#${t}progress`);if(e.hidden=!n,!n)return;e.max=Math.max(1,n.progress?.total??1),e.value=n.progress?.done??0,e.dataset.status=n.status;let r=N("#progress-text");!t&&r&&(r.textContent=`job ${n.id.slice(0,8)}: ${n.status}, ${e.value}/${e.max} trials`)}function fu(){let t=new FormData;if(T.upload)t.append("file",T.upload,T.upload.name);else{let e=N("#network-text").value;if(!e.trim())throw new st("paste a network, upload a file or pick an example","edges");t.append("file",new Blob([e],{type:"text/plain"}),T.fileName||"network.txt")}let n={directed:N("#directed").checked,two_level:N("#two-level").checked,num_trials:$n("#num_trials"),seed:$n("#seed"),markov_time:$n("#markov_time"),teleportation_probability:$n("#teleportation_probability"),include_tree:!0,include_module_links:!0,include_links:!0};N("#flow_model").value&&(n.flow_model=N("#flow_model").value);for(let[e,r]of Object.entries(n))t.append(e,String(r));return t}async function hu(t){t?.preventDefault();let n=N("#network-form");Ne(n);let e;try{e=fu()}catch(a){if(a instanceof st)return Ut(n,a.field,a.message);throw a}let r=N("#run-mode").value,i=T.caps.jobs&&r==="job",o=performance.now();Kt("",!0,i?"submitting job\u2026":"running\u2026"),Cn("",null),N("#progress-text").textContent="";try{let a,s=null;if(!i)try{a=await nn("/v1/infomap/file",e)}catch(c){if(!(c instanceof U&&c.code==="too_large_for_sync"&&T.caps.jobs&&r==="auto"))throw c;i=!0}i&&(Kt("",!0,"job running\u2026"),{job:s,result:a}=await Dn("/v1/jobs/infomap/file",e,c=>Cn("",c))),du({form:e,response:a,job:s,seconds:(performance.now()-o)/1e3})}catch(a){if(!(a instanceof U))throw a;Ut(n,a.field,a.message)}finally{Kt("",!1)}}var Et,Zt;function du({form:t,response:n,job:e,seconds:r}){let i=Qr(n);T.run={form:t,response:n,tree:i,job:e},T.expanded=new Set;let o=(u,d,g)=>{let p=N(u);p.textContent=d,g!==void 0&&(p.dataset.value=String(g))};o("#codelength",n.codelength.toFixed(6),n.codelength),o("#one-level-codelength",n.one_level_codelength.toFixed(6),n.one_level_codelength),o("#savings",`${(100*n.relative_codelength_savings).toFixed(2)} %`,n.relative_codelength_savings),o("#num-levels",String(n.num_levels),n.num_levels),o("#num-modules",String(n.num_modules),n.num_modules),o("#num-nodes",String(n.num_nodes),n.num_nodes),o("#num-links",String(n.num_links),n.num_links);let a=[],s=(u,d)=>{u.children&&(d>0&&(a[d-1]=(a[d-1]??0)+1),u.children.forEach(g=>s(g,d+1)))};s(i.root,0),o("#modules-per-level",a.join(" / ")||"0");let c=n.trial_codelengths?.length??Number(t.get("num_trials")),l=n.module_links.directed?"directed flow":"undirected flow";o("#run-info",`${e?`job ${e.id.slice(0,8)}`:"synchronous"}, ${c} trial${c===1?"":"s"}, seed ${n.metadata?.seed??t.get("seed")}, ${l}, ${r.toFixed(2)} s`,e?"job":"sync"),N("#results").hidden=!1,pu(),Ae(!1),zn(),yu()}function Qt(t){for(;t.parent&&t.parent.parent;)t=t.parent;return t.rank}function ri(t){let n=t.map((r,i)=>[r.flow,i]).sort((r,i)=>i[0]-r[0]),e=new Array(t.length);return n.forEach(([,r],i)=>{e[r]=i}),e}function pu(){let{tree:t,response:n}=T.run,e=t.root.leaves,r=N("#network-too-large");if(e.length>lu){Et.clear(),r.hidden=!1,r.textContent=`${e.length} nodes: too many to draw here; see the module network.`;return}r.hidden=!0;let i=Math.max(...e.map(m=>m.flow),1e-300),o=e.length>2e3,a=ri(e),s=e.map((m,v)=>({id:String(m.node),r:(o?1.5:3)+(o?6:12)*Math.sqrt(m.flow/i),color:Ot(Qt(m)),label:m.name,labelRank:a[v],leaf:m})),{source:c,target:l,weight:u,directed:d}=n.links,g=Math.max(...u,1e-300),p=u.every(m=>m===u[0]),w=[];for(let m=0;m<c.length;m++){let v=String(c[m]),y=String(l[m]);v!==y&&w.push({source:v,target:y,weight:u[m],width:p?1:.4+3.6*(u[m]/g)})}Et.setData(s,w,{directed:d})}function Ae(t=!0){let{tree:n,response:e}=T.run,{units:r,groups:i,links:o}=ti(n,e.module_links,T.expanded),a=Math.max(...r.map(w=>w.flow),1e-300),s=Math.max(...o.map(w=>w.flow),1e-300),c=ri(r),l=Math.max(1,Math.sqrt(r.length/12)),u=r.map((w,m)=>{let v=An(w,1)[0];return{id:w.path,r:4+28*Math.sqrt(w.flow/a)/l,color:Ot(Qt(w)),outline:!!w.children,label:w.children?`${w.path} ${v?.name??""}`:w.name,labelRank:c[m],unit:w}}),d=[];for(let w of i){let m=w.children.map(v=>v.path);u.push({id:w.path,r:6,color:Ot(Qt(w)),group:m,label:w.path,unit:w});for(let v of m)d.push({source:w.path,target:v,hidden:!0,distance:12,strength:.6})}let g=new Map(u.map(w=>[w.id,w.r])),p=o.map(w=>({source:w.source,target:w.target,width:.5+8*(w.flow/s),strength:.2+.8*(w.flow/s),distance:g.get(w.source)+g.get(w.target)+25,flow:w.flow}));t&&gu(u,Zt.positions()),Zt.setData(u,p.concat(d),{keepPositions:t?new Map:null,directed:e.module_links.directed}),N("#module-canvas").dataset.units=r.map(w=>w.path).join(" ")}function gu(t,n){for(let e of t){let r=n.get(e.id);for(let i=e.id;!r&&i.includes(":");)i=i.slice(0,i.lastIndexOf(":")),r=n.get(i);r||(r=[...n].find(([i])=>i.startsWith(`${e.id}:`))?.[1]),r&&(e.x=r.x+(Math.random()-.5)*20,e.y=r.y+(Math.random()-.5)*20)}}function ei(t){if(T.run.tree.byPath.get(t)?.children){if(T.expanded.has(t))for(let e of[...T.expanded])(e===t||e.startsWith(`${t}:`))&&T.expanded.delete(e);else T.expanded.add(t);Ae(!0),zn()}}function Sn(t,n){return n==="flow"?t.flow:n==="size"?t.size:n==="children"?t.children?t.children.length:0:t.rank}function zn(){let t=N("#modules-table tbody"),n=[],{key:e,dir:r}=T.sort,i=(s,c)=>{n.length>=be||(n.push([s,c]),s.children&&T.expanded.has(s.path)&&[...s.children].sort((u,d)=>r*(Sn(u,e)-Sn(d,e))||u.rank-d.rank).forEach(u=>i(u,c+1)))};[...T.run.tree.root.children].sort((s,c)=>r*(Sn(s,e)-Sn(c,e))||s.rank-c.rank).forEach(s=>i(s,0));let a=n.map(([s,c])=>{let l=!!s.children,u=T.expanded.has(s.path),d=l?`<button type="button" class="expand" aria-expanded="${u}" title="${u?"collapse":"expand"}">${u?"\u25BE":"\u25B8"}</button>`:`<span class="leaf-dot" style="background:${Ot(Qt(s))}"></span>`,g=l?An(s,5).map(p=>Wt(p.name)).join(", "):Wt(s.name);return`<tr data-path="${Wt(s.path)}" class="${l?"module":"node"}" data-depth="${c}"><td style="padding-left:${.4+c*1.2}em">${d} <span class="swatch" style="background:${Ot(Qt(s))}"></span>${Wt(s.path)}</td><td class="num">${s.flow.toFixed(5)}</td><td class="num">${s.size}</td><td class="num">${l?s.children.length:""}</td><td>${g}</td></tr>`});t.innerHTML=a.join(""),N("#table-note").textContent=n.length>=be?`showing the first ${be} rows`:"";for(let s of At("#modules-table th[data-sort]"))s.setAttribute("aria-sort",s.dataset.sort===e?r<0?"descending":"ascending":"none")}function Wt(t){return String(t).replace(/[&<>"']/g,n=>({"&":"&amp;","<":"&lt;",">":"&gt;",'"':"&quot;","'":"&#39;"})[n])}function mu(t,n){let e=document.createElement("a");e.href=URL.createObjectURL(t),e.download=n,document.body.append(e),e.click(),e.remove(),setTimeout(()=>URL.revokeObjectURL(e.href),6e4)}function yu(){let t=N("#downloads"),n=T.run;if(t.innerHTML="",!T.caps.formats.length){t.textContent="this server offers no output formats (no format parameter on /v1/infomap/file)";return}for(let e of T.caps.formats){let r=document.createElement("button");r.type="button",r.id=`download-${e}`,r.className="button",r.textContent=e,r.title=`the ${e} file, written by the server`,r.addEventListener("click",async()=>{r.setAttribute("aria-busy","true");try{let{blob:i,name:o}=n.job?await Rn(`/v1/jobs/${n.job.id}/result?format=${e}`):await Rn(`/v1/infomap/file?format=${e}`,n.form),a=o.lastIndexOf(".");mu(i,`${T.source}${a>=0?o.slice(a):`.${e}`}`)}catch(i){if(!(i instanceof U))throw i;Ut(N("#network-form"),i.field,`download: ${i.message}`)}finally{r.removeAttribute("aria-busy")}}),t.append(r)}}function vu(t){let n=Bn.find(e=>e.key===t);n&&(N("#network-text").value=n.text,T.source=n.key,T.fileName=n.file,ke(null),Ne(N("#network-form")))}function ke(t){T.upload=t;let n=N("#upload-note");n.hidden=!t,n.textContent=t?`${t.name} (${t.size.toLocaleString("en")} bytes) is sent to the server as it is; type in the box to send the text instead`:"",t&&(N("#network-text").value="")}function wu(t,n){let e=t.files?.[0];if(!e)return;let r=new FileReader;r.onload=()=>n(String(r.result),e.name),r.readAsText(e)}async function xu(t){t?.preventDefault();let n=N("#vectors-form");Ne(n);let e;try{let{vectors:i,labels:o}=ni(N("#vectors-text").value);e={vectors:i,...o?{labels:o}:{},top_k:En("#top_k"),min_similarity:En("#min_similarity"),directed:N("#v-directed").checked,two_level:N("#v-two-level").checked,num_trials:En("#v-num_trials"),seed:En("#v-seed")}}catch(i){if(i instanceof st)return Ut(n,i.field,i.message);throw i}let r=T.caps.vectorJobs&&e.vectors.length>uu;Kt("vectors-",!0),Cn("vectors-",null);try{let i;if(!r)try{i=await nn("/v1/cluster/vectors",e)}catch(o){if(!(o instanceof U&&o.code==="too_large_for_sync"&&T.caps.vectorJobs))throw o;r=!0}r&&({result:i}=await Dn("/v1/jobs",{kind:"cluster_vectors",...e},o=>Cn("vectors-",o))),_u(i)}catch(i){if(!(i instanceof U))throw i;Ut(n,i.field,i.message)}finally{Kt("vectors-",!1)}}function _u(t){N("#vectors-results").hidden=!1;let n=N("#vectors-summary");n.textContent=`${t.num_clusters} clusters \xB7 codelength ${t.codelength.toFixed(6)} bits (one level ${t.one_level_codelength.toFixed(6)}, savings ${(100*t.relative_codelength_savings).toFixed(2)} %) \xB7 kNN graph: ${t.graph.nodes} nodes, ${t.graph.links} links`,n.dataset.numClusters=String(t.num_clusters);let e=N("#clusters");e.innerHTML=t.clusters.map(r=>{let i=r.members.slice(0,200).map(a=>`<li>${Wt(a)}</li>`).join(""),o=r.members.length>200?`<li class="muted">\u2026 and ${r.members.length-200} more</li>`:"";return`<li class="cluster" data-module="${r.module}"><h4><span class="swatch" style="background:${Ot(r.module)}"></span>Cluster ${r.module} \xB7 ${r.size} member${r.size===1?"":"s"} \xB7 flow ${Tn(r.flow)}</h4><ol class="members">${i}${o}</ol></li>`}).join("")}function bu(t){for(let n of At("nav [data-tab]"))n.setAttribute("aria-selected",String(n.dataset.tab===t));N("#tab-network").hidden=t!=="network",N("#tab-vectors").hidden=t!=="vectors"}async function Mu(){let t=N("#example");for(let n of Bn)t.add(new Option(n.title,n.key));t.addEventListener("change",()=>vu(t.value)),N("#network-file").addEventListener("change",n=>{let e=n.target.files?.[0];e&&(ke(e),T.source=e.name.replace(/\.[^.]+$/,"")||"network",T.fileName=e.name,t.value="")}),N("#network-text").addEventListener("input",()=>{ke(null),N("#network-file").value="",T.fileName="",t.value&&(T.source="network"),t.value=""}),N("#network-form").addEventListener("submit",hu),N("#vectors-form").addEventListener("submit",xu),N("#vectors-example").addEventListener("click",()=>{N("#vectors-text").value=Ce[0].text,N("#top_k").value="2"}),N("#vectors-file").addEventListener("change",n=>wu(n.target,e=>{N("#vectors-text").value=e}));for(let n of At("nav [data-tab]"))n.addEventListener("click",()=>bu(n.dataset.tab));for(let n of At("#modules-table th[data-sort]"))n.addEventListener("click",()=>{let e=n.dataset.sort;T.sort={key:e,dir:T.sort.key===e?-T.sort.dir:e==="path"?1:-1},zn()});if(N("#modules-table tbody").addEventListener("click",n=>{let e=n.target.closest("button.expand");e&&ei(e.closest("tr").dataset.path)}),N("#collapse-all").addEventListener("click",()=>{T.expanded.clear(),Ae(!0),zn()}),Et=_e(N("#network-canvas"),{tooltip:N("#network-tooltip"),describe:n=>`${n.label} \xB7 module ${n.leaf.path.split(":").slice(0,-1).join(":")} \xB7 flow ${Tn(n.leaf.flow)}`}),Zt=_e(N("#module-canvas"),{tooltip:N("#module-tooltip"),describe:n=>n.unit.children?`module ${n.unit.path} \xB7 flow ${Tn(n.unit.flow)} \xB7 ${n.unit.size} nodes \xB7 ${An(n.unit,3).map(e=>e.name).join(", ")}`:`${n.unit.name} \xB7 flow ${Tn(n.unit.flow)}`,onClick:n=>ei(n.unit.path),collide:!0}),N("#fit-network").addEventListener("click",()=>Et.fit()),N("#fit-modules").addEventListener("click",()=>Zt.fit()),N("#api-key").value=Ln(),N("#api-key").addEventListener("change",n=>$e(n.target.value.trim())),T.caps=await Te(),N("#server-info").textContent=`server ${T.caps.version}${T.caps.jobs?" \xB7 jobs":""}`,!T.caps.jobs)for(let n of At("#run-mode option"))n.value==="job"&&(n.disabled=!0);T.caps.vectors||(N("#vectors-unavailable").hidden=!1,N("#vectors-form").hidden=!0),document.body.dataset.ready="true"}window.mapeq={state:T,networkLabels:()=>Et.labels(),moduleLinks:()=>Zt.drawnLinks(),networkLinks:()=>Et.drawnLinks(),networkPosition:t=>Et.screenPosition(t)};Mu();
